using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>
/// One argument of an executed command: its value when static (quotes removed, escapes resolved) and where it is in
/// the original text (through any embedding: <c>sh -c '…'</c>, a YAML block), down to single value characters.
/// </summary>
public sealed class CommandWord
{
    // What few words need (a brace expansion's own value, the host offsets of a value asked to be mapped) in one
    // object made for them: every argument of every command is one of these, so each field here is megabytes.
    private Derived? _derived;

    private sealed class Derived
    {
        /// <param name="value">A brace expansion's value; null for a written word (its syntax has the value).</param>
        public Derived(string? value, string literalPrefix, OffsetMap offsets)
        {
            Value = value;
            LiteralPrefix = literalPrefix;
            Offsets = offsets;
        }

        public string? Value { get; }
        public string LiteralPrefix { get; }
        public OffsetMap Offsets { get; }
    }

    private CommandWord(ShellWord syntax, EmbeddedText? map)
    {
        Syntax = syntax;
        Map = map;
        Span = MapSpan(map, syntax.Span);
    }

    internal static CommandWord From(ShellWord word, EmbeddedText? map) => new(word, map);

    /// <summary>A word the shell derives from part of a written word (one result of brace expansion).</summary>
    private CommandWord(ShellWord syntax, EmbeddedText? map, string value, OffsetMap offsets)
    {
        Syntax = syntax;
        Map = map;
        _derived = new Derived(value, value, offsets);
        Span = value.Length == 0 ? MapSpan(map, syntax.Span) : TextSpan.FromBounds(offsets.Start(0), Math.Max(offsets.Start(0), offsets.End(value.Length - 1)));
    }

    /// <summary>
    /// Bash brace expansion of an unquoted word (<c>{rm,-rf,/x}</c> runs <c>rm -rf /x</c>; <c>/x/{a,b}</c> is two
    /// paths). Returns null when the word has no such braces. Nested groups and ranges (<c>{1..3}</c>) are left alone.
    /// </summary>
    internal IReadOnlyList<CommandWord>? ExpandBraces()
    {
        if (Value == null || Value.IndexOf('{') < 0 || Syntax.Parts.Count != 1 || Syntax.Parts[0] is not ShellLiteralPart) return null;
        if (Syntax.RawText.IndexOf('\\') >= 0) return null;
        int open = Value.IndexOf('{');
        int close = Value.IndexOf('}', open + 1);
        if (close < 0 || Value.IndexOf('{', open + 1, close - open - 1) >= 0) return null;
        var alternatives = new List<(int Start, int End)>();
        int from = open + 1;
        for (int i = open + 1; i <= close; i++)
        {
            if (i == close || Value[i] == ',')
            {
                alternatives.Add((from, i));
                from = i + 1;
            }
        }
        if (alternatives.Count < 2) return null;
        EnsureMap();
        var words = new List<CommandWord>();
        foreach (var (start, end) in alternatives)
        {
            var value = new StringBuilder();
            var offsets = new OffsetMap();
            void Take(int a, int b)
            {
                for (int k = a; k < b; k++)
                {
                    value.Append(Value[k]);
                    offsets.Add(_derived!.Offsets.Start(k), _derived.Offsets.End(k));
                }
            }
            Take(0, open);
            Take(start, end);
            Take(close + 1, Value.Length);
            var word = new CommandWord(Syntax, Map, value.ToString(), offsets);
            // The shell drops words that expand to nothing.
            if (word.Value!.Length > 0) words.Add(word);
        }
        return words;
    }

    /// <summary>Host offsets of each character of <see cref="LiteralPrefix"/>, computed on first use.</summary>
    private void EnsureMap()
    {
        if (_derived != null) return;
        // For a dynamic word the map covers its static prefix, so `--name=$X` still points at `--name`.
        string literalPrefix = Syntax.GetLiteralPrefix(out var offsets);
        if (Map != null)
        {
            var host = new OffsetMap();
            for (int i = 0; i < offsets.Count; i++)
            {
                int start = Map.MapToHost(offsets.Start(i));
                host.Add(start, Math.Max(start, Map.MapToHost(offsets.End(i) - 1) + 1));
            }
            offsets = host;
        }
        _derived = new Derived(null, literalPrefix, offsets);
    }

    internal static TextSpan MapSpan(EmbeddedText? map, TextSpan span) => map == null ? span : map.MapToHost(span);

    /// <summary>The static value, or null when the word contains an expansion.</summary>
    // A brace expansion's words have a value of their own (never null); every other word's is its syntax's.
    public string? Value => _derived?.Value ?? Syntax.StaticValue;

    public bool IsStatic => Value != null;

    /// <summary>The static text before the first expansion (all of <see cref="Value"/> when static): <c>/data/</c> of <c>/data/$X</c>.</summary>
    public string LiteralPrefix
    {
        get
        {
            if (Value is { } value) return value;
            EnsureMap();
            return _derived!.LiteralPrefix;
        }
    }

    /// <summary>The word in the original text (the host, when the script was embedded).</summary>
    public TextSpan Span { get; }

    /// <summary>The word as written, quotes and expansions included.</summary>
    public string RawText => Syntax.RawText;

    /// <summary>The parsed word, in the coordinates of the script it was parsed from.</summary>
    public ShellWord Syntax { get; }

    internal EmbeddedText? Map { get; }

    /// <summary>
    /// The original-text span of value characters [start, start+length): the <c>f</c> of <c>"-rf"</c>. For a dynamic
    /// word, offsets index <see cref="LiteralPrefix"/>.
    /// </summary>
    public TextSpan MapValueSpan(int start, int length)
    {
        EnsureMap();
        var offsets = _derived!.Offsets;
        int count = offsets.Count;
        if (start >= count) return new TextSpan(Value == null ? Span.Start : Span.End, 0);
        if (length <= 0) return new TextSpan(offsets.Start(start), 0);
        int last = Math.Min(start + length, count) - 1;
        return TextSpan.FromBounds(offsets.Start(start), Math.Max(offsets.Start(start), offsets.End(last)));
    }

    public override string ToString() => Value ?? RawText;
}
