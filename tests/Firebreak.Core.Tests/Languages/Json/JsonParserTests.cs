using System;
using System.Linq;
using System.Text;
using Firebreak.Core.Documents;
using Firebreak.Core.Languages.Json;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Languages.Json;

public class JsonParserTests
{
    private static string At(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    [Fact]
    public void Values_members_and_spans()
    {
        const string text = "{ \"name\" : \"db\\n\\u00e9\", \"n\": -1.5e3, \"ok\": true, \"no\": false, \"nil\": null, \"list\": [1, {\"a\": []}] }";
        var doc = JsonParser.Parse(text);

        Assert.Empty(doc.Diagnostics);
        var root = Assert.IsType<JsonObject>(doc.Root);
        Assert.Equal(text, At(text, root.Span));
        Assert.Equal(new[] { "name", "n", "ok", "no", "nil", "list" }, root.Members.Select(m => m.Name));
        Assert.Equal("\"name\"", At(text, root.Members[0].NameSpan));
        Assert.Equal("\"name\" : \"db\\n\\u00e9\"", At(text, root.Members[0].Span));
        var name = Assert.IsType<JsonString>(root.Get("name"));
        Assert.Equal("db\né", name.Value);
        Assert.True(name.HasEscapes);
        var n = Assert.IsType<JsonNumber>(root.Get("n"));
        Assert.Equal(-1500.0, n.Value);
        Assert.Equal("-1.5e3", n.Text);
        Assert.True(Assert.IsType<JsonBoolean>(root.Get("ok")).Value);
        Assert.False(Assert.IsType<JsonBoolean>(root.Get("no")).Value);
        Assert.IsType<JsonNull>(root.Get("nil"));
        var list = Assert.IsType<JsonArray>(root.Get("list"));
        Assert.Equal("[1, {\"a\": []}]", At(text, list.Span));
        Assert.Equal("{\"a\": []}", At(text, list.Items[1].Span));
    }

    [Fact]
    public void Duplicate_members_are_kept_in_order()
    {
        var root = (JsonObject)JsonParser.Parse("{\"a\":1,\"a\":2}").Root!;
        Assert.Equal(2, root.Members.Count);
        Assert.Equal("1", ((JsonNumber)root.Get("a")!).Text);
    }

    [Theory]
    [InlineData("{\"a\": 1,}", "Trailing comma")]
    [InlineData("{\"a\" 1}", "Expected ':'")]
    [InlineData("{\"a\": 1", "Unclosed object")]
    [InlineData("[1 2]", "Expected ',' or ']'")]
    [InlineData("{\"a\": tru}", "Expected a JSON value")]
    [InlineData("{\"a\": \"x\\q\"}", "Invalid escape")]
    [InlineData("{\"a\": \"open}", "Unterminated string")]
    [InlineData("{a: 1}", "member name in quotes")]
    [InlineData("", "empty")]
    [InlineData("{} {}", "after the JSON value")]
    [InlineData("[01.]", "Invalid number")]
    public void Errors_are_diagnostics(string text, string message)
    {
        var doc = JsonParser.Parse(text);
        Assert.Contains(doc.Diagnostics, d => d.Message.Contains(message));
    }

    [Fact]
    public void Recovery_continues_with_the_next_member()
    {
        const string text = "{\"a\": @, \"b\": 2, \"c\" 3, \"d\": 4}";
        var root = (JsonObject)JsonParser.Parse(text).Root!;
        Assert.Equal("2", ((JsonNumber)root.Get("b")!).Text);
        Assert.Equal("4", ((JsonNumber)root.Get("d")!).Text);
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        var doc = JsonParser.Parse(text);
        Assert.Contains(doc.Diagnostics, d => d.Message.Contains("too deep"));
        Assert.Contains(JsonParser.Parse(string.Concat(Enumerable.Repeat("{\"a\":", 10_000))).Diagnostics, d => d.Message.Contains("too deep"));
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var random = new Random(7);
        const string alphabet = "{}[]:,\"\\/ntrufalse0123456789-+.eE \n\tu";
        for (int round = 0; round < 3000; round++)
        {
            var sb = new StringBuilder();
            int length = random.Next(0, 120);
            for (int i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
            var text = sb.ToString();
            var doc = JsonParser.Parse(text);
            foreach (var d in doc.Diagnostics) Assert.True(d.Span.End <= text.Length);
            if (doc.Root != null) Assert.True(doc.Root.Span.End <= text.Length);
        }
    }
}
