using System.Collections.Generic;
using System.Globalization;
using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands.Http;

/// <summary>
/// Finds the GraphQL documents a request body carries: the <c>"query"</c> strings of a JSON body (batched bodies too),
/// a <c>query</c> form/httpie field, or a raw <c>application/graphql</c> body. JSON strings are decoded with each
/// character mapped back to the file, so a mutation name inside <c>'{"query":"mutation { … }"}'</c> keeps its position.
/// </summary>
public static class GraphQLRequestBody
{
    public static IReadOnlyList<EmbeddedText> Documents(HttpRequest request)
    {
        var documents = new List<EmbeddedText>();
        foreach (var body in request.Bodies)
        {
            if (body.Text == null) continue;
            if (body.Kind == HttpBodyKind.Field)
            {
                if (body.FieldName == "query") documents.Add(body.Text);
                continue;
            }
            AddDocuments(body.Text, documents);
        }
        return documents;
    }

    /// <summary>The GraphQL documents of one body text: its JSON <c>"query"</c> strings, or the body itself.</summary>
    public static IReadOnlyList<EmbeddedText> Documents(EmbeddedText body)
    {
        var documents = new List<EmbeddedText>();
        AddDocuments(body, documents);
        return documents;
    }

    private static void AddDocuments(EmbeddedText body, List<EmbeddedText> documents)
    {
        string value = body.Value;
        int first = 0;
        while (first < value.Length && char.IsWhiteSpace(value[first])) first++;
        if (first < value.Length && (value[first] == '{' || value[first] == '['))
        {
            int before = documents.Count;
            FindQueryStrings(body, documents);
            // `{ volumeDelete(…) }` is also a GraphQL document (the shorthand query); only when no JSON key was found.
            if (documents.Count == before && value[first] == '{') documents.Add(body);
        }
        else
        {
            documents.Add(body);
        }
    }

    /// <summary>Every string value whose key is <c>query</c>, decoded, at any depth. Tolerant of broken JSON.</summary>
    internal static void FindQueryStrings(EmbeddedText json, List<EmbeddedText> found)
    {
        string text = json.Value;
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                i++;
                continue;
            }
            var key = ReadString(json, ref i);
            int j = i;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (key.Value != "query" || j >= text.Length || text[j] != ':') continue;
            j++;
            while (j < text.Length && char.IsWhiteSpace(text[j])) j++;
            if (j >= text.Length || text[j] != '"') continue;
            i = j;
            found.Add(ReadString(json, ref i));
        }
    }

    /// <summary>Reads the JSON string starting at the quote at <paramref name="i"/>; leaves <paramref name="i"/> after it.</summary>
    private static EmbeddedText ReadString(EmbeddedText json, ref int i)
    {
        string text = json.Value;
        var builder = new EmbeddedText.Builder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            int at = i;
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                char e = text[i + 1];
                i += 2;
                switch (e)
                {
                    case 'n': c = '\n'; break;
                    case 't': c = '\t'; break;
                    case 'r': c = '\r'; break;
                    case 'b': c = '\b'; break;
                    case 'f': c = '\f'; break;
                    case 'u' when i + 4 <= text.Length && int.TryParse(text.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code):
                        c = (char)code;
                        i += 4;
                        break;
                    default: c = e; break;
                }
            }
            else
            {
                i++;
            }
            builder.Append(c, json.MapToHost(at));
        }
        int end = i < text.Length ? json.MapToHost(i) : json.HostEnd;
        i++;
        return builder.Build(end);
    }
}
