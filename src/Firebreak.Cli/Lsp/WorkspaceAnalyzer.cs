using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Firebreak.Cli.Commands;
using Firebreak.Cli.Discovery;
using Firebreak.Core.Analysis;
using Firebreak.Core.Configuration;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;

namespace Firebreak.Cli.Lsp;

/// <summary>
/// One workspace folder as <c>firebreak scan</c> would see it: the same configuration and catalogues, the same file
/// discovery (.gitignore, <c>exclude:</c>), and the rest of the repository read from disk as context, so an open file
/// gets the findings a scan of the repository gives on that file. The open buffers are the editor's truth and replace
/// their copies on disk.
/// </summary>
public sealed class WorkspaceAnalyzer
{
    /// <summary>At most this much of the repository is held in memory as context.</summary>
    public const long MaxContextBytes = 64L * 1024 * 1024;

    private readonly object _gate = new();
    private FirebreakConfig _config = FirebreakConfig.Empty;
    private CatalogSet _catalogs = CatalogSet.Default;
    private Dictionary<string, SourceFile>? _disk;
    private string[] _catalogPaths = Array.Empty<string>();

    public WorkspaceAnalyzer(string root)
    {
        Root = Path.GetFullPath(root);
        ReloadConfiguration();
    }

    public string Root { get; }

    /// <summary>The configuration error of the last reload (shown to the user), or null when it loaded.</summary>
    public string? ConfigurationError { get; private set; }

    /// <summary>Reads firebreak.yml and the catalogues it names again; an invalid one leaves the defaults and says why.</summary>
    public void ReloadConfiguration()
    {
        lock (_gate)
        {
            try
            {
                var (config, configPath) = ScanCommand.LoadConfig(null, Root, Root);
                var catalogs = ScanCommand.LoadCatalogs(config, configPath, Root);
                (_config, _catalogs, ConfigurationError) = (config, catalogs, null);
                string folder = configPath is null ? Root : Path.GetDirectoryName(configPath)!;
                _catalogPaths = config.Catalogs.Select(c => Path.GetFullPath(Path.Combine(folder, c))).ToArray();
            }
            catch (Exception ex) when (ex is FirebreakConfigException or UsageException)
            {
                (_config, _catalogs, ConfigurationError) = (FirebreakConfig.Empty, CatalogSet.Default, ex.Message);
            }
            _disk = null;
        }
    }

    /// <summary>The configuration names this file as a catalogue (a change to it reloads the configuration).</summary>
    public bool NamesCatalog(string fullPath)
    {
        lock (_gate) return _catalogPaths.Contains(Path.GetFullPath(fullPath), StringComparer.Ordinal);
    }

    /// <summary>A file changed on disk (saved, created, deleted): its cached copy is dropped.</summary>
    public void Forget(string fullPath)
    {
        lock (_gate)
        {
            _disk = null;
        }
    }

    public string? Relative(string fullPath)
    {
        string relative = Path.GetRelativePath(Root, Path.GetFullPath(fullPath)).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>
    /// The findings on one open file, with every other file of the workspace as context.
    /// <paramref name="openBuffers"/> maps workspace-relative paths of open documents to their current text.
    /// </summary>
    public IReadOnlyList<Finding> Analyze(string relativePath, IReadOnlyDictionary<string, string> openBuffers, CancellationToken cancellationToken)
    {
        FirebreakConfig config;
        CatalogSet catalogs;
        Dictionary<string, SourceFile> disk;
        lock (_gate)
        {
            (config, catalogs) = (_config, _catalogs);
            disk = _disk ??= LoadDisk(config);
        }
        // Over the size cap a scan skips the file with a note; so does the editor (the note is the scan's to give).
        if (openBuffers.TryGetValue(relativePath, out var open) && open.Length > config.MaxFileSize) return Array.Empty<Finding>();
        // A file the configuration excludes (or a link out of the workspace) gets nothing, as in a scan; a buffer not
        // yet saved to disk is analysed as it is.
        string full = Path.Combine(Root, relativePath);
        if (File.Exists(full) && new FileDiscovery(Root, useIgnoreFiles: false, config.Exclude).Explicit(full, new List<(string, string)>()) is null)
            return Array.Empty<Finding>();

        var files = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var pair in disk) files[pair.Key] = pair.Value;
        foreach (var buffer in openBuffers) files[buffer.Key] = new SourceFile(buffer.Key, buffer.Value);
        string openText = files.TryGetValue(relativePath, out var self) ? self.Text : string.Empty;
        var context = ContextSelector.Select(relativePath, openText, files.Keys);
        var options = new AnalysisOptions
        {
            RuleLevels = config.RuleLevels,
            Today = DateTime.UtcNow.Date,
            MaxDegreeOfParallelism = 1,
            ReportedPaths = new[] { relativePath },
        }.WithCatalogs(catalogs);
        var ordered = context.Select(p => files[p]).OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        return new AnalysisEngine(options).Analyze(ordered, cancellationToken).Findings;
    }

    private Dictionary<string, SourceFile> LoadDisk(FirebreakConfig config)
    {
        var discovery = new FileDiscovery(Root, useIgnoreFiles: true, config.Exclude);
        var skipped = new List<(string Path, string Reason)>();
        var result = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var candidate in discovery.Discover(skipped))
        {
            if (bytes > MaxContextBytes) break; // a monorepo: the context selector reads the files near the open one
            var notes = new List<(string Path, string Reason)>();
            if (FileLoader.Load(candidate.FullPath, candidate.RelativePath, config.MaxFileSize, notes, candidate.Mode, candidate.Size) is { } file)
            {
                result[file.Path] = file;
                bytes += file.Text.Length;
            }
        }
        return result;
    }
}
