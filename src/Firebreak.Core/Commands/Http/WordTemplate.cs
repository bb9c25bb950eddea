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
            int host = word.Map == null ? starts[i] : word.Map.MapToHost(starts[i]);
            builder.Append(text[i], host);
        }
        return builder.Build(word.Span.End);
    }

    /// <summary>The template from <paramref name="start"/> on (the value of <c>--data=…</c>, of <c>Name:value</c>).</summary>
    public static EmbeddedText Of(CommandWord word, int start)
    {
        var all = Of(word);
        return start <= 0 ? all : all.Slice(start, all.Value.Length - start);
    }
}
