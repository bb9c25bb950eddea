using System.IO;
using System.Linq;
using Firebreak.Core.Commands;
using Firebreak.Core.Documents;

namespace Firebreak.Core.Tests.Commands;

/// <summary>
/// Real-world scripts and Dockerfiles (the benchmark corpus, when the machine has it; reported as skipped, with how to
/// get it, when it does not): finding shell, parsing, extracting and matching never throws, and every span stays inside
/// its file.
/// </summary>
public class ShellCorpusTests
{
    [CorpusTheory]
    [InlineData("sh")]
    [InlineData("docker")]
    public void Real_files_never_throw_and_spans_stay_in_the_file(string corpusKind)
    {
        string folder = Path.Combine(CorpusTheoryAttribute.Root, corpusKind);
        Assert.True(Directory.Exists(folder), $"{folder} is missing from the corpus");
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(path);
            string relative = path.Substring(folder.Length + 1);
            var kind = FileKindDetector.Detect(relative, text);
            if (kind == FileKind.Text && corpusKind == "sh") kind = FileKind.Shell;
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

/// <summary>
/// A theory over the benchmark corpus (FIREBREAK_CORPUS, default /tmp/corpus): skipped, visibly and with the reason,
/// when the corpus is absent, never silently passed.
/// </summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public static string Root => System.Environment.GetEnvironmentVariable("FIREBREAK_CORPUS") ?? "/tmp/corpus";

    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(Root)) Skip = $"the benchmark corpus is absent at {Root}: build it with ../shared/bench/build-corpus.sh (or set FIREBREAK_CORPUS)";
    }
}
