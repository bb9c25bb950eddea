using System.IO;
using System.Linq;
using Firebreak.Core.Analysis;
using Firebreak.Core.Commands;

namespace Firebreak.Core.Tests.Commands;

/// <summary>
/// Real-world scripts and Dockerfiles (the crawl under /tmp/corpus, when the machine has it; the test does nothing
/// otherwise): finding shell, parsing, extracting and matching never throws, and every span stays inside its file.
/// </summary>
public class ShellCorpusTests
{
    [Theory]
    [InlineData("/tmp/corpus/sh")]
    [InlineData("/tmp/corpus/docker")]
    public void Real_files_never_throw_and_spans_stay_in_the_file(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(path);
            string relative = path.Substring(folder.Length + 1);
            var kind = FileKindDetector.Detect(relative, text);
            if (kind == FileKind.Text && folder.EndsWith("sh", System.StringComparison.Ordinal)) kind = FileKind.Shell;
            var document = new DocumentContext(new SourceFile(relative, text, kind));
            foreach (var source in ShellSources.Of(document))
            {
                foreach (var command in source.Commands)
                {
                    Assert.InRange(command.Span.End, 0, text.Length);
                    if (DestructiveCommandMatcher.Match(command, DestructiveCommandCatalog.Default) is { } match)
                        Assert.InRange(match.Span.End, match.Span.Start, text.Length);
                }
            }
        }
    }
}
