using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Languages.Yaml;

namespace Firebreak.Core.Languages.GoTemplates;

/// <summary>
/// Evaluates the simple actions of a Helm template against the chart's <c>values.yaml</c> defaults, the way
/// <c>helm template</c> would with no <c>--set</c>: a field (<c>.Values.persistence.whenDeleted</c>, <c>$.Values.x</c>,
/// <c>.Release.Name</c>, <c>.Release.Namespace</c>, <c>.Chart.Name</c>), a literal, and the functions <c>default</c>,
/// <c>quote</c>, <c>squote</c>, <c>lower</c>, <c>upper</c>, <c>trim</c>, <c>toString</c>, as a call or in a pipeline.
/// A scalar of the masked tree whose every action evaluates gets its value, and keeps its span in the template; any
/// other action (<c>include</c>, <c>printf</c>, control flow, a value that is a map) leaves the scalar masked, so rules
/// still see that the template computes it. Nothing is executed: this reads values, it calls nothing.
/// </summary>
public static class GoTemplateEvaluator
{
    /// <summary>The names <c>helm template</c> uses when none is given.</summary>
    public const string ReleaseName = "release-name";
    public const string ReleaseNamespace = "default";

    /// <summary>The tree with every evaluable templated scalar given its value; the same tree when nothing changes.</summary>
    public static YamlFile Evaluate(YamlFile file, string template, GoTemplateValues values)
    {
        if (values.Values is null) return file;
        var rewriter = new Rewriter(template, values);
        List<YamlDocument>? documents = null;
        for (int i = 0; i < file.Documents.Count; i++)
        {
            var root = file.Documents[i].Root;
            var rewritten = root is null ? null : rewriter.Visit(root, 0);
            if (ReferenceEquals(rewritten, root)) continue;
            documents ??= new List<YamlDocument>(file.Documents);
            documents[i] = new YamlDocument(rewritten);
        }
        return documents is null ? file : new YamlFile(documents, file.Comments, file.Diagnostics);
    }

    private sealed class Rewriter
    {
        private readonly string _template;
        private readonly GoTemplateValues _values;

        public Rewriter(string template, GoTemplateValues values)
        {
            _template = template;
            _values = values;
        }

        public YamlNode Visit(YamlNode node, int depth)
        {
            if (depth > 256) return node;
            switch (node)
            {
                case YamlScalar scalar when GoTemplateMask.IsTemplated(scalar.Value):
                    return Scalar(scalar, _template, _values) is { } evaluated
                        ? new YamlScalar(scalar.Span, evaluated, scalar.Style, scalar.Anchor, scalar.Tag)
                        : scalar;
                case YamlMapping mapping:
                {
                    YamlPair[]? pairs = null;
                    for (int i = 0; i < mapping.Pairs.Count; i++)
                    {
                        var pair = mapping.Pairs[i];
                        // An anchored node may be an alias's target: rewriting it would part the two, so it is left as is.
                        if (pair.Value is YamlAlias || pair.Value.Anchor is not null) continue;
                        var value = Visit(pair.Value, depth + 1);
                        if (ReferenceEquals(value, pair.Value)) continue;
                        pairs ??= Copy(mapping.Pairs);
                        pairs[i] = new YamlPair(pair.Key, value);
                    }
                    return pairs is null ? mapping : new YamlMapping(mapping.Span, pairs, mapping.Anchor, mapping.Tag);
                }
                case YamlSequence sequence:
                {
                    YamlNode[]? items = null;
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        var item = sequence.Items[i];
                        if (item is YamlAlias || item.Anchor is not null) continue;
                        var value = Visit(item, depth + 1);
                        if (ReferenceEquals(value, item)) continue;
                        items ??= Copy(sequence.Items);
                        items[i] = value;
                    }
                    return items is null ? sequence : new YamlSequence(sequence.Span, items, sequence.Anchor, sequence.Tag);
                }
                default:
                    return node;
            }
        }

        private static T[] Copy<T>(IReadOnlyList<T> list)
        {
            var copy = new T[list.Count];
            for (int i = 0; i < copy.Length; i++) copy[i] = list[i];
            return copy;
        }
    }

    /// <summary>The value of a templated scalar, its actions evaluated; null when one of them cannot be.</summary>
    internal static string? Scalar(YamlScalar scalar, string template, GoTemplateValues values)
    {
        if (scalar.Span.End > template.Length) return null;
        string raw = template.Substring(scalar.Span.Start, scalar.Span.Length);
        switch (scalar.Style)
        {
            case YamlScalarStyle.Plain:
                break;
            case YamlScalarStyle.DoubleQuoted or YamlScalarStyle.SingleQuoted when raw.Length >= 2 && raw.IndexOf('\\') < 0:
                raw = raw.Substring(1, raw.Length - 2);
                break;
            default:
                return null; // block scalars (scripts) and escapes: left masked
        }
        if (raw.IndexOf('\n') >= 0) return null;
        var output = new StringBuilder();
        int at = 0;
        foreach (var action in GoTemplateMask.Actions(raw))
        {
            string body = raw.Substring(action.Start + 2, action.Length - 4);
            bool trimLeft = body.StartsWith("-", StringComparison.Ordinal);
            bool trimRight = body.EndsWith("-", StringComparison.Ordinal);
            string literal = raw.Substring(at, action.Start - at);
            if (output.Length == 0 && at == 0 && trimLeft) literal = literal.TrimEnd();
            output.Append(trimLeft ? literal.TrimEnd() : literal);
            if (Action(body.Trim('-').Trim(), values) is not { } value) return null;
            output.Append(value);
            at = action.End;
            if (trimRight)
                while (at < raw.Length && raw[at] is ' ' or '\t') at++;
        }
        output.Append(raw, at, raw.Length - at);
        string result = output.ToString();
        // `key: {{ .Values.x | quote }}` renders `key: "v"`, which YAML reads as v.
        if (scalar.Style == YamlScalarStyle.Plain && result.Length >= 2 && result[0] == '"' && result[result.Length - 1] == '"' && result.IndexOf('\\') < 0)
            result = result.Substring(1, result.Length - 2);
        return GoTemplateMask.IsTemplated(result) ? null : result;
    }

    /// <summary>One action's output: a pipeline of simple commands; null when any part is not known.</summary>
    internal static string? Action(string body, GoTemplateValues values)
    {
        if (body.Length == 0 || body.Length > 512 || body.IndexOf('(') >= 0 || body.StartsWith("/*", StringComparison.Ordinal)) return null;
        string? piped = null;
        bool first = true;
        foreach (var command in Split(body, '|'))
        {
            var words = Split(command, ' ');
            if (words.Count == 0) return null;
            if (first && words.Count == 1) piped = Operand(words[0], values);
            else
            {
                var args = new List<string?>();
                for (int i = 1; i < words.Count; i++) args.Add(Operand(words[i], values));
                if (!first) args.Add(piped);
                piped = Call(words[0], args);
            }
            if (piped is null) return null;
            first = false;
        }
        // Nothing in values.yaml and no default: the value comes from `--set` or another values file, so it stays unknown.
        return string.IsNullOrEmpty(piped) ? null : piped;
    }

    private static string? Call(string function, List<string?> args)
    {
        switch (function)
        {
            case "default" when args.Count == 2:
                // `default D X`: X unless it is empty (or not in values.yaml).
                return string.IsNullOrEmpty(args[1]) ? args[0] : args[1];
            case "quote" when args.Count == 1 && args[0] is { } q:
                return "\"" + q + "\"";
            case "squote" when args.Count == 1 && args[0] is { } s:
                return "'" + s + "'";
            case "lower" when args.Count == 1:
                return args[0]?.ToLowerInvariant();
            case "upper" when args.Count == 1:
                return args[0]?.ToUpperInvariant();
            case "trim" when args.Count == 1:
                return args[0]?.Trim();
            case "toString" when args.Count == 1:
                return args[0];
            default:
                return null;
        }
    }

    /// <summary>
    /// A field or literal. A field missing from <c>values.yaml</c> (or null or empty there) is the empty string, so that
    /// <c>default</c> can stand in for it; an action whose result is still empty is not known (<see cref="Action"/>).
    /// </summary>
    private static string? Operand(string word, GoTemplateValues values)
    {
        if (word.Length >= 2 && (word[0] == '"' && word[word.Length - 1] == '"' || word[0] == '`' && word[word.Length - 1] == '`'))
        {
            string inner = word.Substring(1, word.Length - 2);
            return inner.IndexOf('\\') >= 0 ? null : inner;
        }
        if (word is "true" or "false" || (word.Length > 0 && (char.IsDigit(word[0]) || word[0] == '-') && double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
            return word;
        if (word.StartsWith("$.", StringComparison.Ordinal)) word = word.Substring(1);
        switch (word)
        {
            case ".Release.Name": return ReleaseName;
            case ".Release.Namespace": return ReleaseNamespace;
            case ".Chart.Name": return values.ChartName;
        }
        if (!word.StartsWith(".Values.", StringComparison.Ordinal) || values.Values is null) return null;
        YamlNode? node = values.Values;
        foreach (var key in word.Substring(".Values.".Length).Split('.'))
        {
            if (node is not YamlMapping mapping || key.Length == 0) return key.Length == 0 ? null : string.Empty;
            node = mapping[key];
            if (node is null) return string.Empty;
        }
        return node switch
        {
            YamlScalar { IsNull: true } => string.Empty,
            YamlScalar scalar => scalar.Value,
            _ => null, // a map or list: its text is not one value
        };
    }

    /// <summary>Splits on <paramref name="separator"/> outside quotes; empty parts are dropped.</summary>
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                current.Append(c);
                if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '`') quote = c;
            if (c == separator || (separator == ' ' && c == '\t'))
            {
                if (current.ToString().Trim() is { Length: > 0 } part) parts.Add(part);
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        if (current.ToString().Trim() is { Length: > 0 } last) parts.Add(last);
        return parts;
    }
}
