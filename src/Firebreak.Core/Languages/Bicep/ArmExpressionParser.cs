using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Text;

namespace Firebreak.Core.Languages.Bicep;

/// <summary>
/// An ARM template's JSON read into the same expression tree as Bicep, so one evaluator serves both: a string
/// <c>"[…]"</c> is a template expression (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions)
/// parsed into calls, property and index accesses and literals; <c>"[[…"</c> is the literal text <c>[…</c>. Spans map
/// into the JSON text (every node of an expression whose string holds JSON escapes gets the whole string's span).
/// </summary>
public static class ArmExpressionParser
{
    /// <param name="skip">A member left out of objects at the top level (a resource's nested <c>resources</c>, read as resources).</param>
    public static BicepExpression FromJson(JsonValue value, string text, int depth = 0, string? skip = null)
    {
        // The JSON reader has charged for these nodes; only template expressions cost more (charged as they parse).
        if (depth > JsonParser.MaxDepth) return new BicepError(value.Span);
        switch (value)
        {
            case JsonString s:
                return FromJsonString(s, text);
            case JsonNumber n:
                return new BicepNumber(n.Span, n.Text);
            case JsonBoolean b:
                return new BicepBoolean(b.Span, b.Value);
            case JsonNull:
                return new BicepNull(value.Span);
            case JsonArray a:
            {
                var items = new List<BicepExpression>(a.Items.Count);
                foreach (var item in a.Items) items.Add(FromJson(item, text, depth + 1));
                return new BicepArray(a.Span, items);
            }
            case JsonObject o:
            {
                var properties = new List<BicepProperty>(o.Members.Count);
                foreach (var m in o.Members)
                    if (skip is null || m.Name != skip) properties.Add(new BicepProperty(m.Span, m.Name, m.NameSpan, FromJson(m.Value, text, depth + 1)));
                return new BicepObject(o.Span, properties, Array.Empty<BicepStatement>());
            }
            default:
                return new BicepError(value.Span);
        }
    }

    private static BicepExpression FromJsonString(JsonString s, string text)
    {
        string v = s.Value;
        if (v.Length >= 2 && v[0] == '[' && v[v.Length - 1] == ']' && v[1] != '[') return new ArmTemplateExpression(s);
        if (v.Length >= 2 && v[0] == '[' && v[1] == '[') v = v.Substring(1);
        return new BicepString(s.Span, new[] { v }, Array.Empty<BicepExpression>(), multiline: false);
    }

    internal static BicepExpression Parse(JsonString s)
    {
        string v = s.Value;
        var parser = new Parser(v.Substring(1, v.Length - 2), s.HasEscapes ? -1 : s.Span.Start + 2, s.Span);
        var expression = parser.ParseExpression(0);
        parser.SkipSpaces();
        return parser.AtEnd ? expression : new BicepError(s.Span);
    }

    /// <summary>Parses one template expression (the text between the outer brackets) with spans offset by <c>offset</c>.</summary>
    private sealed class Parser
    {
        private readonly string _e;
        private readonly int _offset;
        private readonly TextSpan _whole;
        private int _pos;

        public Parser(string expression, int offset, TextSpan whole)
        {
            _e = expression;
            _offset = offset;
            _whole = whole;
        }

        public bool AtEnd => _pos >= _e.Length;

        private TextSpan Span(int start, int end) => _offset < 0 ? _whole : TextSpan.FromBounds(_offset + start, _offset + end);

        public void SkipSpaces()
        {
            while (_pos < _e.Length && char.IsWhiteSpace(_e[_pos])) _pos++;
        }

        public BicepExpression ParseExpression(int depth)
        {
            WorkBudget.Charge(Budget.Nodes);
            SkipSpaces();
            int start = _pos;
            if (depth > 64 || _pos >= _e.Length) return new BicepError(Span(start, _pos));
            BicepExpression result;
            char c = _e[_pos];
            if (c == '\'')
            {
                _pos++;
                var sb = new System.Text.StringBuilder();
                while (_pos < _e.Length)
                {
                    if (_e[_pos] == '\'')
                    {
                        if (_pos + 1 < _e.Length && _e[_pos + 1] == '\'') { sb.Append('\''); _pos += 2; continue; }
                        break;
                    }
                    sb.Append(_e[_pos++]);
                }
                if (_pos >= _e.Length) return new BicepError(Span(start, _pos));
                _pos++;
                result = new BicepString(Span(start, _pos), new[] { sb.ToString() }, Array.Empty<BicepExpression>(), multiline: false);
            }
            else if (char.IsDigit(c) || c == '-' && _pos + 1 < _e.Length && char.IsDigit(_e[_pos + 1]))
            {
                _pos++;
                while (_pos < _e.Length && (char.IsDigit(_e[_pos]) || _e[_pos] == '.')) _pos++;
                result = new BicepNumber(Span(start, _pos), _e.Substring(start, _pos - start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (_pos < _e.Length && (char.IsLetterOrDigit(_e[_pos]) || _e[_pos] == '_' || _e[_pos] == '.' && Peek(1) != '\0' && char.IsLetter(Peek(1)) && IsNamespaced(start))) _pos++;
                string name = _e.Substring(start, _pos - start);
                var nameSpan = Span(start, _pos);
                SkipSpaces();
                if (_pos < _e.Length && _e[_pos] == '(')
                {
                    _pos++;
                    var arguments = new List<BicepExpression>();
                    while (true)
                    {
                        SkipSpaces();
                        if (_pos >= _e.Length) return new BicepError(Span(start, _pos));
                        if (_e[_pos] == ')') { _pos++; break; }
                        int before = _pos;
                        arguments.Add(ParseExpression(depth + 1));
                        SkipSpaces();
                        if (_pos < _e.Length && _e[_pos] == ',') _pos++;
                        else if (_pos < _e.Length && _e[_pos] != ')' || _pos == before) return new BicepError(Span(start, _pos));
                    }
                    int dot = name.LastIndexOf('.');
                    result = new BicepCall(Span(start, _pos), dot < 0 ? name : name.Substring(dot + 1), nameSpan, null, arguments);
                }
                else
                {
                    result = name switch
                    {
                        "true" => new BicepBoolean(nameSpan, true),
                        "false" => new BicepBoolean(nameSpan, false),
                        "null" => new BicepNull(nameSpan),
                        _ => new BicepIdentifier(nameSpan, name),
                    };
                }
            }
            else
            {
                _pos = _e.Length;
                return new BicepError(Span(start, _pos));
            }
            // .property and [index]
            for (int guard = 0; guard < 10_000; guard++)
            {
                SkipSpaces();
                if (_pos < _e.Length && _e[_pos] == '.')
                {
                    _pos++;
                    int nameStart = _pos;
                    while (_pos < _e.Length && (char.IsLetterOrDigit(_e[_pos]) || _e[_pos] == '_' || _e[_pos] == '$')) _pos++;
                    if (_pos == nameStart) return new BicepError(Span(start, _pos));
                    result = new BicepPropertyAccess(Span(start, _pos), result, _e.Substring(nameStart, _pos - nameStart), Span(nameStart, _pos));
                    continue;
                }
                if (_pos < _e.Length && _e[_pos] == '[')
                {
                    _pos++;
                    var index = ParseExpression(depth + 1);
                    SkipSpaces();
                    if (_pos >= _e.Length || _e[_pos] != ']') return new BicepError(Span(start, _pos));
                    _pos++;
                    result = new BicepIndexAccess(Span(start, _pos), result, index);
                    continue;
                }
                break;
            }
            return result;
        }

        private char Peek(int ahead) => _pos + ahead < _e.Length ? _e[_pos + ahead] : '\0';

        /// <summary>A user-defined function's namespace (<c>contoso.uniqueName(…)</c>): a dot inside a name that a call follows.</summary>
        private bool IsNamespaced(int start)
        {
            int i = _pos + 1;
            while (i < _e.Length && (char.IsLetterOrDigit(_e[i]) || _e[i] == '_')) i++;
            return i < _e.Length && _e[i] == '(' && _pos > start;
        }
    }
}

/// <summary>
/// An ARM template expression string (<c>"[…]"</c>), parsed the first time its value is asked for: a compiled template
/// holds thousands, and a rule reads a few.
/// </summary>
public sealed class ArmTemplateExpression : BicepExpression
{
    private readonly JsonString _source;
    private BicepExpression? _parsed;

    internal ArmTemplateExpression(JsonString source) : base(source.Span) => _source = source;

    /// <summary>The parsed expression (a <see cref="BicepError"/> when it does not parse).</summary>
    public BicepExpression Expression => _parsed ??= ArmExpressionParser.Parse(_source);
}
