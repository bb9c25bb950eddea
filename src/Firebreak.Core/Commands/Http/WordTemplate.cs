using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Shell;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands.Http;

/// <summary>
/// A command word as text for a nested language (JSON, GraphQL, a URL): quotes and escapes resolved, parameters kept as
/// written (<c>$ID</c>, <c>${ID}</c>), command substitutions as <c>$_</c>; every character maps back to the file.
/// </summary>
internal static class WordTemplate
{
    public static EmbeddedText Of(CommandWord word)
    {
        string text = word.Syntax.GetReparseText(out var starts);
        var builder = new EmbeddedText.Builder();
        for (int i = 0; i < text.Length; i++)
        {
            int host = word.Map == null ? starts.Start(i) : word.Map.MapToHost(starts.Start(i));
            builder.Append(text[i], host);
        }
        return builder.Build(word.Span.End);
    }

    /// <summary>
    /// The template with each plain <c>$NAME</c> / <c>${NAME}</c> the script assigned before <paramref name="command"/>
    /// replaced by the assigned text (itself expanded, a few levels deep), mapped back to where that text is written.
    /// </summary>
    public static EmbeddedText Expanded(CommandWord word, int start, ShellCommand command)
    {
        var expanded = Expand(word, command, 0);
        if (start <= 0) return expanded;
        // `start` counts characters of the word as written (`--data=`): those come before any parameter.
        return expanded.Slice(start, expanded.Value.Length - start);
    }

    private static EmbeddedText Expand(CommandWord word, ShellCommand command, int depth)
    {
        string text = word.Syntax.GetReparseText(out var starts);
        var parameters = new List<ShellParameterPart>();
        CollectParameters(word.Syntax.Parts, parameters);
        var builder = new EmbeddedText.Builder();
        int i = 0;
        while (i < text.Length)
        {
            var parameter = depth < 3 ? parameters.Find(p => p.Span.Start == starts.Start(i) && text[i] == '$') : null;
            // `$1` in a function's body read for one call is that call's first argument, expanded where the call is.
            var (value, context) = parameter == null ? (null, command)
                : int.TryParse(parameter.Name, out int n) ? (command.Call is { } call && n >= 1 && n < call.Arguments.Count ? call.Arguments[n] : null, command.Call ?? command)
                : (command.VariableBefore(parameter.Name), command);
            if (parameter != null && value != null)
            {
                var inner = Expand(value, context, depth + 1);
                for (int k = 0; k < inner.Value.Length; k++) builder.Append(inner.Value[k], inner.MapToHost(k));
                while (i < text.Length && starts.Start(i) < parameter.Span.End) i++;
                continue;
            }
            builder.Append(text[i], word.Map == null ? starts.Start(i) : word.Map.MapToHost(starts.Start(i)));
            i++;
        }
        return builder.Build(word.Span.End);
    }

    /// <summary>Plain references only: <c>${X:-d}</c>, <c>${#X}</c> and <c>${X[1]}</c> are not the assigned text.</summary>
    private static void CollectParameters(IReadOnlyList<ShellWordPart> parts, List<ShellParameterPart> found)
    {
        foreach (var part in parts)
        {
            if (part is ShellParameterPart { Operator: null, Prefix: null, Subscript: null } parameter) found.Add(parameter);
            else if (part is ShellDoubleQuotedPart quoted) CollectParameters(quoted.Parts, found);
        }
    }

    /// <summary>The template from <paramref name="start"/> on (the value of <c>--data=…</c>, of <c>Name:value</c>).</summary>
    public static EmbeddedText Of(CommandWord word, int start)
    {
        var all = Of(word);
        return start <= 0 ? all : all.Slice(start, all.Value.Length - start);
    }
}
