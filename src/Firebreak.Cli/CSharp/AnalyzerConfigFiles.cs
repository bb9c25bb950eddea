using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Cli.Discovery;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Firebreak.Cli.CSharp;

/// <summary>
/// The <c>.editorconfig</c> and <c>.globalconfig</c> files of the scanned C# code, read as data (Roslyn's own parser,
/// from the source file's folder up to the scan root, no symlink, size-capped), so that a severity set for the build
/// (<c>dotnet_diagnostic.FB1004.severity = none</c>, <c>dotnet_analyzer_diagnostic.category-….severity</c>) holds in
/// <c>firebreak scan</c> as it does in <c>dotnet build</c>. <c>firebreak.yml</c> levels still apply on top, as for
/// every rule.
/// </summary>
internal sealed class AnalyzerConfigFiles
{
    // Config and source paths are matched under one virtual root: the scan's real location never enters a decision.
    private const string VirtualRoot = "/firebreak-scan/";

    private readonly AnalyzerConfigSet? _set;
    private readonly Dictionary<string, AnalyzerConfigOptionsResult> _byPath = new(StringComparer.Ordinal);

    private AnalyzerConfigFiles(AnalyzerConfigSet? set) => _set = set;

    public static AnalyzerConfigFiles None { get; } = new(null);

    /// <summary>The config files that apply to <paramref name="sourcePaths"/> (scan-relative), from <paramref name="root"/> on disk.</summary>
    public static AnalyzerConfigFiles Read(string? root, IEnumerable<string> sourcePaths)
    {
        if (root is null) return None;
        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string path in sourcePaths)
        {
            string folder = path;
            while (true)
            {
                folder = folder.Contains('/') ? folder.Substring(0, folder.LastIndexOf('/')) : string.Empty;
                if (!folders.Add(folder) || folder.Length == 0) break;
            }
        }
        var configs = new List<AnalyzerConfig>();
        foreach (string folder in folders)
        {
            foreach (string name in new[] { ".editorconfig", ".globalconfig" })
            {
                string relative = folder.Length == 0 ? name : folder + "/" + name;
                string full = Path.Combine(root, relative);
                if (!File.Exists(full)) continue;
                string text;
                try
                {
                    if (new FileInfo(full).LinkTarget is not null) continue; // a scan follows no symlink
                    text = BoundedFile.ReadText(full);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }
                configs.Add(AnalyzerConfig.Parse(text, VirtualRoot + relative));
            }
        }
        if (configs.Count == 0) return None;
        // Two global configs setting one key differently: Roslyn reports it and drops the key, as a build would.
        return new AnalyzerConfigFiles(AnalyzerConfigSet.Create(configs, out _));
    }

    /// <summary>
    /// The severity the configs give <paramref name="diagnostic"/> in <paramref name="sourcePath"/>: by ID, else by
    /// category, else for every analyzer; a file's <c>.editorconfig</c> sections before the global configs. Null when
    /// nothing is set (the analyzer's own severity stands).
    /// </summary>
    public ReportDiagnostic? SeverityOf(Diagnostic diagnostic, string sourcePath)
    {
        if (_set is null) return null;
        if (!_byPath.TryGetValue(sourcePath, out var local)) _byPath[sourcePath] = local = _set.GetOptionsForSourcePath(VirtualRoot + sourcePath);
        var global = _set.GlobalConfigOptions;
        if (local.TreeOptions.TryGetValue(diagnostic.Id, out var severity) || global.TreeOptions.TryGetValue(diagnostic.Id, out severity)) return severity;
        foreach (string key in new[] { $"dotnet_analyzer_diagnostic.category-{diagnostic.Descriptor.Category}.severity", "dotnet_analyzer_diagnostic.severity" })
        {
            if ((local.AnalyzerOptions.TryGetValue(key, out var text) || global.AnalyzerOptions.TryGetValue(key, out text)) && Parse(text) is { } bulk) return bulk;
        }
        return null;
    }

    private static ReportDiagnostic? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "error" => ReportDiagnostic.Error,
        "warning" => ReportDiagnostic.Warn,
        "suggestion" => ReportDiagnostic.Info,
        "silent" or "refactoring" => ReportDiagnostic.Hidden,
        "none" => ReportDiagnostic.Suppress,
        "default" => ReportDiagnostic.Default,
        _ => null,
    };
}
