using System;
using System.Collections.Generic;

namespace Firebreak.Core.Configuration;

/// <summary>
/// gitignore-style patterns (<c>.gitignore</c> files and <c>exclude:</c> in <c>firebreak.yml</c>): comments, <c>!</c>
/// negation (the last matching pattern wins), a trailing <c>/</c> for folders only, a pattern with an inner or leading
/// <c>/</c> anchored to its base folder and one without matched against the name at any depth, <c>*</c>, <c>?</c>,
/// <c>[a-z]</c>/<c>[!…]</c> classes, <c>**</c>, backslash escapes. A path inside an ignored folder is ignored.
/// <para>
/// Both patterns and names come from the repository, so matching is a dynamic program over (pattern, name) — time
/// proportional to their product, never exponential: <c>*a*a*a*a*a*a*a*a*a*a*b</c> against a 60-character name is
/// about 1,300 steps, where a backtracking matcher takes minutes.
/// </para>
/// </summary>
public sealed class IgnoreRules
{
    private readonly List<Pattern> _patterns = new();

    public IgnoreRules(IEnumerable<string> lines)
    {
        foreach (string line in lines)
            if (Pattern.Parse(line) is { } pattern) _patterns.Add(pattern);
    }

    public bool IsEmpty => _patterns.Count == 0;

    /// <summary>Whether <paramref name="relativePath"/> (relative to these rules' folder, <c>/</c>-separated) is ignored,
    /// itself or through a folder it is in.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        relativePath = relativePath.Replace('\\', '/').Trim('/');
        if (relativePath.Length == 0 || _patterns.Count == 0) return false;
        // A file inside an excluded folder cannot be re-included (git's rule), so folders are checked first, outermost first.
        for (int slash = relativePath.IndexOf('/'); slash >= 0; slash = relativePath.IndexOf('/', slash + 1))
            if (Decide(relativePath.Substring(0, slash), isDirectory: true)) return true;
        return Decide(relativePath, isDirectory);
    }

    private bool Decide(string path, bool isDirectory)
    {
        for (int i = _patterns.Count - 1; i >= 0; i--)
            if (_patterns[i].Matches(path, isDirectory)) return !_patterns[i].Negated;
        return false;
    }

    private enum TokenKind
    {
        Char,
        AnyChar,
        Class,
        Star,
        DoubleStar,
        DoubleStarSlash,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, char c = '\0', string? set = null, bool negated = false)
        {
            Kind = kind;
            Char = c;
            Set = set;
            Negated = negated;
        }

        public TokenKind Kind { get; }
        public char Char { get; }

        /// <summary>For a class: pairs of (low, high) characters.</summary>
        public string? Set { get; }
        public bool Negated { get; }

        public bool MatchesOne(char c)
        {
            switch (Kind)
            {
                case TokenKind.Char: return c == Char;
                case TokenKind.AnyChar: return c != '/';
                case TokenKind.Class:
                    if (c == '/') return false;
                    bool inSet = false;
                    for (int i = 0; i + 1 < Set!.Length; i += 2)
                        if (c >= Set[i] && c <= Set[i + 1]) inSet = true;
                    return inSet != Negated;
                default: return false;
            }
        }
    }

    private sealed class Pattern
    {
        private readonly Token[] _tokens;

        private Pattern(Token[] tokens, bool negated, bool directoryOnly, bool anchored)
        {
            _tokens = tokens;
            Negated = negated;
            DirectoryOnly = directoryOnly;
            Anchored = anchored;
        }

        public bool Negated { get; }
        public bool DirectoryOnly { get; }
        public bool Anchored { get; }

        public static Pattern? Parse(string line)
        {
            if (line.Length == 0 || line[0] == '#') return null;
            // Trailing spaces are ignored unless escaped.
            int end = line.Length;
            while (end > 0 && line[end - 1] is ' ' or '\t' or '\r' && !(end > 1 && line[end - 2] == '\\')) end--;
            string text = line.Substring(0, end);
            bool negated = false;
            if (text.StartsWith("!", StringComparison.Ordinal))
            {
                negated = true;
                text = text.Substring(1);
            }
            bool directoryOnly = text.EndsWith("/", StringComparison.Ordinal) && !text.EndsWith("\\/", StringComparison.Ordinal);
            text = text.TrimEnd('/');
            if (text.Length == 0) return null;
            bool anchored = text.IndexOf('/') >= 0;
            text = text.TrimStart('/');
            if (text.StartsWith("**/", StringComparison.Ordinal) && text.IndexOf('/', 3) < 0) anchored = false;
            return new Pattern(Tokenize(anchored ? text : text.StartsWith("**/", StringComparison.Ordinal) ? text.Substring(3) : text), negated, directoryOnly, anchored);
        }

        private static Token[] Tokenize(string glob)
        {
            var tokens = new List<Token>();
            for (int i = 0; i < glob.Length; i++)
            {
                char c = glob[i];
                switch (c)
                {
                    case '\\' when i + 1 < glob.Length:
                        tokens.Add(new Token(TokenKind.Char, glob[++i]));
                        break;
                    case '?':
                        tokens.Add(new Token(TokenKind.AnyChar));
                        break;
                    case '*':
                        int run = 1;
                        while (i + 1 < glob.Length && glob[i + 1] == '*')
                        {
                            run++;
                            i++;
                        }
                        if (run == 1)
                        {
                            if (tokens.Count == 0 || tokens[tokens.Count - 1].Kind != TokenKind.Star) tokens.Add(new Token(TokenKind.Star));
                        }
                        else if (i + 1 < glob.Length && glob[i + 1] == '/')
                        {
                            i++;
                            tokens.Add(new Token(TokenKind.DoubleStarSlash));
                        }
                        else
                        {
                            tokens.Add(new Token(TokenKind.DoubleStar));
                        }
                        break;
                    case '[':
                        int close = ClassEnd(glob, i);
                        if (close < 0)
                        {
                            tokens.Add(new Token(TokenKind.Char, '['));
                            break;
                        }
                        tokens.Add(ParseClass(glob.Substring(i + 1, close - i - 1)));
                        i = close;
                        break;
                    default:
                        tokens.Add(new Token(TokenKind.Char, c));
                        break;
                }
            }
            return tokens.ToArray();
        }

        private static int ClassEnd(string glob, int open)
        {
            int i = open + 1;
            if (i < glob.Length && glob[i] is '!' or '^') i++;
            if (i < glob.Length && glob[i] == ']') i++;
            for (; i < glob.Length; i++)
            {
                if (glob[i] == '\\') i++;
                else if (glob[i] == ']') return i;
            }
            return -1;
        }

        private static Token ParseClass(string body)
        {
            bool negated = body.Length > 0 && body[0] is '!' or '^';
            int i = negated ? 1 : 0;
            var set = new System.Text.StringBuilder();
            while (i < body.Length)
            {
                char low = body[i] == '\\' && i + 1 < body.Length ? body[++i] : body[i];
                i++;
                char high = low;
                if (i + 1 < body.Length && body[i] == '-')
                {
                    high = body[i + 1] == '\\' && i + 2 < body.Length ? body[i + 2] : body[i + 1];
                    i += body[i + 1] == '\\' ? 3 : 2;
                }
                set.Append(low).Append(high);
            }
            return new Token(TokenKind.Class, set: set.ToString(), negated: negated);
        }

        public bool Matches(string path, bool isDirectory)
        {
            if (DirectoryOnly && !isDirectory) return false;
            string subject = Anchored ? path : path.Substring(path.LastIndexOf('/') + 1);
            return Match(_tokens, subject);
        }

        /// <summary>dp[j]: the tokens so far match subject[0..j). One row per token: O(tokens × length).</summary>
        private static bool Match(Token[] tokens, string subject)
        {
            int n = subject.Length;
            var row = new bool[n + 1];
            var next = new bool[n + 1];
            row[0] = true;
            foreach (var token in tokens)
            {
                Array.Clear(next, 0, next.Length);
                bool anyBefore = false;
                for (int j = 0; j <= n; j++)
                {
                    switch (token.Kind)
                    {
                        case TokenKind.Star:
                            next[j] = row[j] || (j > 0 && next[j - 1] && subject[j - 1] != '/');
                            break;
                        case TokenKind.DoubleStar:
                            next[j] = row[j] || (j > 0 && next[j - 1]);
                            break;
                        case TokenKind.DoubleStarSlash:
                            // Nothing, or anything that ends with a '/': `**/x` matches x, a/x, a/b/x.
                            next[j] = row[j] || (j > 0 && subject[j - 1] == '/' && anyBefore);
                            break;
                        default:
                            next[j] = j > 0 && row[j - 1] && token.MatchesOne(subject[j - 1]);
                            break;
                    }
                    anyBefore |= row[j];
                }
                (row, next) = (next, row);
            }
            return row[n];
        }
    }
}
