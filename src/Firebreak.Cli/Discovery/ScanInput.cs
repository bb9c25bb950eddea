using System.Collections.Generic;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.Discovery;

/// <summary>What discovery and loading produced: the files to analyze and the notes for those that could not be.</summary>
public sealed class ScanInput
{
    public ScanInput(string root, IReadOnlyList<SourceFile> files, IReadOnlyList<Finding> notes)
    {
        Root = root;
        Files = files;
        Notes = notes;
    }

    /// <summary>The folder paths are relative to (<c>%SRCROOT%</c> in SARIF).</summary>
    public string Root { get; }
    public IReadOnlyList<SourceFile> Files { get; }
    public IReadOnlyList<Finding> Notes { get; }
}
