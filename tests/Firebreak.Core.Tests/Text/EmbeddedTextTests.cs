using Firebreak.Core.Documents;
using Firebreak.Core.Text;

namespace Firebreak.Core.Tests.Text;

public sealed class EmbeddedTextTests
{
    [Fact]
    public void Line_map_counts_crlf_and_lone_cr_as_one_break()
    {
        var text = new SourceText("a.txt", "one\r\ntwo\rthree\nfour");
        Assert.Equal(4, text.LineCount);
        Assert.Equal(new LinePosition(2, 1), text.GetPosition(text.Text.IndexOf("hree", System.StringComparison.Ordinal)));
        Assert.Equal("two", text.GetLineText(1));
    }

    [Fact]
    public void Builder_maps_each_run_back_to_its_host_offset()
    {
        // Host: "run: |\n  rm -rf /\n  echo ok\n" — the block scalar's lines without their indentation.
        const string host = "run: |\n  rm -rf /\n  echo ok\n";
        var builder = new EmbeddedText.Builder();
        builder.Append("rm -rf /\n", host.IndexOf("rm", System.StringComparison.Ordinal));
        builder.Append("echo ok\n", host.IndexOf("echo", System.StringComparison.Ordinal));
        var embedded = builder.Build(host.Length);

        int echo = embedded.Value.IndexOf("echo", System.StringComparison.Ordinal);
        var mapped = embedded.MapToHost(new TextSpan(echo, 4));
        Assert.Equal("echo", host.Substring(mapped.Start, mapped.Length));
    }

    [Fact]
    public void Slice_of_embedded_text_still_maps_to_the_host()
    {
        const string host = "x = \"bash -c 'dropdb prod'\"";
        var outer = EmbeddedText.Contiguous("bash -c 'dropdb prod'", 5);
        var inner = outer.Slice(9, "dropdb prod".Length);
        var span = inner.MapToHost(new TextSpan(0, 6));
        Assert.Equal("dropdb", host.Substring(span.Start, span.Length));
    }
}
