using System;
using System.Collections.Generic;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Firebreak.Core.Languages.GraphQL;

/// <summary>One top-level field of an operation: the <c>volumeDelete(volumeId: "…")</c> of <c>mutation { volumeDelete(…) }</c>.</summary>
public sealed class GraphQLRootField
{
    internal GraphQLRootField(OperationType operation, string name, TextSpan nameSpan, IReadOnlyDictionary<string, GraphQLArgumentValue> arguments)
    {
        Operation = operation;
        Name = name;
        NameSpan = nameSpan;
        Arguments = arguments;
    }

    public OperationType Operation { get; }
    public string Name { get; }

    /// <summary>The field name, mapped back to the host file.</summary>
    public TextSpan NameSpan { get; }

    public IReadOnlyDictionary<string, GraphQLArgumentValue> Arguments { get; }
}

/// <summary>What a rule needs to know of an argument value.</summary>
public sealed class GraphQLArgumentValue
{
    internal GraphQLArgumentValue(string text, bool isEmptyList, bool isVariable)
    {
        Text = text;
        IsEmptyList = isEmptyList;
        IsVariable = isVariable;
    }

    /// <summary>The value as written in the document (strings with their quotes).</summary>
    public string Text { get; }
    public bool IsEmptyList { get; }
    public bool IsVariable { get; }
}

/// <summary>
/// Parses a GraphQL document (a real parse, GraphQL-Parser) and lists the root fields of its operations, with spans
/// mapped through the embedding. Shell parameters left in the text (<c>${ID}</c>) are turned into GraphQL variables of
/// the same length first, so a document built in a script still parses and its offsets still map.
/// </summary>
public static class GraphQLRootFields
{
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.Comments, MaxDepth = 64 };

    /// <summary>
    /// GraphQL's tokens in <paramref name="source"/>, counted without building them: names and numbers (a run of name
    /// characters), punctuators (one per character), strings (block strings too); white space, commas and comments are
    /// not tokens. A few more than the parser makes for signs and spreads, never fewer.
    /// </summary>
    internal static long CountTokens(string source)
    {
        long count = 0;
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (c is ' ' or '\t' or '\n' or '\r' or ',' or '\uFEFF') { i++; continue; }
            if (c == '#')
            {
                while (i < source.Length && source[i] is not ('\n' or '\r')) i++;
                continue;
            }
            count++;
            if (c == '"')
            {
                bool block = string.CompareOrdinal(source, i, "\"\"\"", 0, 3) == 0;
                i += block ? 3 : 1;
                while (i < source.Length)
                {
                    if (block && string.CompareOrdinal(source, i, "\"\"\"", 0, 3) == 0) { i += 3; break; }
                    if (!block && source[i] == '\\') { i += 2; continue; }
                    if (!block && source[i] is '"' or '\n') { i++; break; }
                    i++;
                }
                continue;
            }
            i++;
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                // a name, or a number (its sign and a spread's dots are counted one per character: an upper bound)
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '.')) i++;
            }
        }
        return count;
    }

    /// <summary>The root fields, or an empty list when the text is not a GraphQL document.</summary>
    public static IReadOnlyList<GraphQLRootField> Read(EmbeddedText text)
    {
        string source = NeutralizeShellParameters(text.Value);
        // The library builds the whole tree at once: the file's token budget is charged before it does, so a body of
        // 64,000 mutations stops there with a note instead of costing a tree of millions of nodes.
        Firebreak.Core.Documents.WorkBudget.Charge(Firebreak.Core.Documents.Budget.Tokens, CountTokens(source));
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(source, Options);
        }
        catch (GraphQLParserException)
        {
            return Array.Empty<GraphQLRootField>();
        }
        catch (ArgumentException)
        {
            return Array.Empty<GraphQLRootField>();
        }
        catch (IndexOutOfRangeException)
        {
            // GraphQL-Parser 9.5 overruns while composing its own error message for some inputs with a lone \r;
            // the body is broken either way.
            return Array.Empty<GraphQLRootField>();
        }
        var fields = new List<GraphQLRootField>();
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation) continue;
            foreach (var selection in operation.SelectionSet.Selections)
            {
                if (selection is not GraphQLField field) continue;
                var name = field.Name;
                var span = text.MapToHost(TextSpan.FromBounds(name.Location.Start, name.Location.End));
                var arguments = new Dictionary<string, GraphQLArgumentValue>(StringComparer.Ordinal);
                if (field.Arguments != null)
                {
                    foreach (var argument in field.Arguments)
                    {
                        var value = argument.Value;
                        string valueText = source.Substring(value.Location.Start, value.Location.End - value.Location.Start);
                        arguments[argument.Name.StringValue] = new GraphQLArgumentValue(valueText,
                            value is GraphQLListValue list && (list.Values == null || list.Values.Count == 0),
                            value is GraphQLVariable);
                    }
                }
                fields.Add(new GraphQLRootField(operation.Operation, name.StringValue, span, arguments));
            }
        }
        return fields;
    }

    /// <summary><c>${VOLUME_ID}</c> → <c>$_VOLUME_ID_</c>: same length, valid GraphQL.</summary>
    internal static string NeutralizeShellParameters(string text)
    {
        int brace = text.IndexOf("${", StringComparison.Ordinal);
        if (brace < 0) return text;
        var builder = new StringBuilder(text);
        while (brace >= 0)
        {
            int close = text.IndexOf('}', brace + 2);
            if (close < 0) break;
            for (int i = brace + 1; i <= close; i++)
            {
                char c = builder[i];
                if (!(char.IsLetterOrDigit(c) && c < 128) && c != '_') builder[i] = '_';
            }
            brace = text.IndexOf("${", close + 1, StringComparison.Ordinal);
        }
        return builder.ToString();
    }
}
