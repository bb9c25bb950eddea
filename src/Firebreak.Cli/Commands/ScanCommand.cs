using System;
using System.Collections.Generic;
using System.IO;
using System.CommandLine;
using System.Linq;
using System.Threading.Tasks;
using Firebreak.Cli.Diff;
using Firebreak.Cli.Discovery;
using Firebreak.Cli.Output;
using Firebreak.Cli.Output.BlastRadius;
using Firebreak.Core.Analysis;
using Firebreak.Core.Configuration;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak scan</c>: discover, load, analyze, report, and the exit code.</summary>
public static class ScanCommand
{
    public static Command Create(CliContext context)
    {
        var definition = new ScanArguments.Definition();
        var command = new Command("scan", "Scan a folder (default: the current folder) or the files given, and report what could turn one command into unrecoverable data loss.");
        foreach (var symbol in definition.All()) ScanArguments.Add(command, symbol);
        command.SetAction(parse => Run(ScanArguments.From(parse, definition), context));
        return command;
    }

    public static int Run(ScanArguments args, TextWriter stdout, TextWriter stderr, string workingDirectory) =>
        Run(args, new CliContext(TextReader.Null, stdout, stderr, workingDirectory));

    public static int Run(ScanArguments args, CliContext context)
    {
        ScanTimings.PausedMilliseconds ??= static () => GC.GetTotalPauseDuration().TotalMilliseconds;
        long startClock = ScanTimings.PhaseStart();
        var (stdout, stderr, workingDirectory) = (context.Stdout, context.Stderr, context.WorkingDirectory);
        var paths = args.Paths.Count == 0 ? new List<string> { "." } : args.Paths;
        var fullPaths = paths.Select(p => Path.GetFullPath(Path.Combine(workingDirectory, p))).ToList();
        foreach (var (given, full) in paths.Zip(fullPaths))
        {
            if (!File.Exists(full) && !Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
                throw new UsageException($"'{given}' does not exist");
        }

        // One folder: it is the root. Files, or several paths: the working directory is.
        bool singleFolder = fullPaths.Count == 1 && Directory.Exists(fullPaths[0]);
        string root = singleFolder ? fullPaths[0] : workingDirectory;
        // Files named inside a git work tree (what pre-commit passes): the rest of the repository is read as context, so
        // a file gets the findings a full scan gives it (a workflow's FB1010 follows the script it runs; a script alone
        // raises no FB9001 the repository would not), and only findings in the named files are reported.
        string? contextRoot = args.Paths.Count > 0 && fullPaths.All(File.Exists) ? RepositoryContaining(workingDirectory, fullPaths) : null;
        if (contextRoot is not null) root = contextRoot;
        var (config, configPath) = LoadConfig(args.Config, root, workingDirectory);
        var baseline = args.Baseline is { } baselinePath ? Baseline.Load(Path.GetFullPath(Path.Combine(workingDirectory, baselinePath))) : null;
        var catalogs = LoadCatalogs(config, configPath, workingDirectory);
        // Read before the scan: a bad revision is a usage error, found before minutes of work.
        var diff = args.DiffBase is { } diffBase ? DiffFilter.Load(root, diffBase) : null;

        var varFiles = args.VarFiles.Select(v => Path.GetFullPath(Path.Combine(workingDirectory, v))).ToList();
        foreach (var (given, full) in args.VarFiles.Zip(varFiles))
        {
            if (!File.Exists(full)) throw new UsageException($"--var-file '{given}' does not exist");
        }
        ScanTimings.Phase("configuration and catalogues", startClock);
        long collectClock = ScanTimings.PhaseStart();
        var input = Collect(root, fullPaths.Concat(varFiles).ToList(), config, !args.NoIgnore, contextRoot is not null);
        ScanTimings.Phase("discovery and reading", collectClock);
        long rulesClock = ScanTimings.PhaseStart();
        var named = contextRoot is null ? null : new HashSet<string>(fullPaths.Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')), StringComparer.Ordinal);
        // Paths in the text report are relative to where the user stands, so they can be clicked from there.
        string displayPrefix = DisplayPrefix(workingDirectory, root);
        if (args.Verbose)
        {
            foreach (var file in input.Files.Where(f => named is null || named.Contains(f.Path))) stderr.WriteLine($"scanned: {TextReport.Escape(displayPrefix + file.Path)}");
            if (named is not null) stderr.WriteLine($"context: {input.Files.Count(f => !named.Contains(f.Path))} other files of the repository, read for what the named files refer to");
            foreach (var note in input.Notes) stderr.WriteLine($"skipped: {TextReport.Escape(displayPrefix + note.Location.Path)}");
        }
        var options = new AnalysisOptions
        {
            RuleLevels = config.RuleLevels,
            TerraformVarFiles = varFiles.Select(v => Path.GetRelativePath(root, v).Replace('\\', '/')).ToArray(),
            Today = DateTime.UtcNow.Date,
            MaxDegreeOfParallelism = args.Threads ?? Environment.ProcessorCount,
        }.WithCatalogs(catalogs);
        // C# is compiled only when the scan holds some: Roslyn stays unloaded for every other scan.
        var engine = input.Files.Any(f => f.Kind == FileKind.CSharp)
            ? new AnalysisEngine(options, projectRules: Core.Rules.BuiltInRules.ProjectRules().Append(new CSharp.CSharpAnalysisRule(root)))
            : new AnalysisEngine(options);
        ScanTimings.Phase("rules built", rulesClock);
        var result = engine.Analyze(input.Files, input.Notes);
        if (args.Verbose)
        {
            foreach (var peak in result.PeakBudgets)
                stderr.WriteLine($"budget {peak.Budget}: at most {peak.Used} of {peak.Limit} per file ({TextReport.Escape(displayPrefix + peak.Path)})");
        }
        if (named is not null)
        {
            var kept = result.Findings.Where(f => named.Contains(f.Location.Path)).ToArray();
            result = new AnalysisResult(kept, input.Files.Count(f => named.Contains(f.Path)), result.SuppressedCount, result.BaselinedCount) { PeakBudgets = result.PeakBudgets };
        }
        if (baseline is not null) result = baseline.Filter(result);
        string? leftOut = null;
        if (diff is not null)
        {
            (result, int count) = diff.Filter(result);
            leftOut = $"{count} finding{(count == 1 ? "" : "s")} on lines not changed since {diff.Reference} left out (--diff-base).";
        }
        // Text stays relative to where the user stands; machine reports follow --source-root.
        var rooted = args.SourceRoot is { } sourceRoot ? ReportRoot.Prefix(result, SourceRootPrefix(sourceRoot, root, workingDirectory)) : result;
        var style = new TextReport.Style(displayPrefix, Colour: args.Output is null && context.StdoutIsTerminal && !context.NoColorRequested && !args.NoColor);
        string Render(OutputFormat format) => format switch
        {
            OutputFormat.Sarif => SarifReport.Write(rooted),
            OutputFormat.Json => JsonReport.Write(rooted),
            OutputFormat.GitHub => GitHubAnnotationsReport.Write(rooted),
            OutputFormat.Markdown => MarkdownReport.Write(rooted, args.LinkBase, leftOut),
            OutputFormat.GitLab => GitLabCodeQualityReport.Write(rooted),
            OutputFormat.Html => HtmlReport.Write(BlastRadiusBuilder.Build(input.Files, options, result), TextReport.Summary(result).TrimEnd('\n'),
                SourceLinks(args, args.Output is { } o && format == args.Format ? o : args.ExtraReports.FirstOrDefault(r => r.Format == format).File, root, workingDirectory)),
            _ => TextReport.Findings(result, format == args.Format ? style : style with { Colour = false }),
        };
        long reportClock = ScanTimings.PhaseStart();
        void Report(OutputFormat format, string output)
        {
            // JSON goes to its file as it is written, never whole in memory (JsonReport.Write).
            if (format == OutputFormat.Json && output != "-") WriteReport(stream => JsonReport.Write(rooted, stream), output, workingDirectory);
            else WriteReport(Render(format), output, workingDirectory, stdout);
        }
        foreach (var (format, file) in args.ExtraReports) Report(format, file);
        Report(args.Format, args.Output ?? "-");
        ScanTimings.Phase("reports", reportClock);
        if (ScanTimings.Enabled)
            stderr.Write(ScanTimings.Report() + $"timing: allocated {GC.GetTotalAllocatedBytes() >> 20} MiB, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms\n");
        // The summary is for the person at the terminal, never part of a report: always stderr, in every format.
        if (!args.Quiet) stderr.Write(TextReport.Summary(result));
        if (!args.Quiet && leftOut is not null) stderr.WriteLine(TextReport.Escape(leftOut));

        bool failed = args.FailOn != FindingLevel.None && result.Findings.Any(f => f.Level >= args.FailOn);
        return failed ? Program.FindingsFound : Program.Clean;
    }

    /// <summary>
    /// Links from the HTML report to the scanned files: under --link-base, a web URL (with the --source-root prefix);
    /// otherwise a path relative to where the report is written, so it works from file://.
    /// </summary>
    private static Func<SourceRef, string> SourceLinks(ScanArguments args, string? output, string root, string workingDirectory)
    {
        static string Escape(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
        if (args.LinkBase is { } linkBase)
        {
            string prefix = args.SourceRoot is { } sourceRoot ? SourceRootPrefix(sourceRoot, root, workingDirectory) : string.Empty;
            return at => linkBase + Escape(prefix + at.Path) + "#L" + at.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        string reportFolder = output is null || output == "-" ? workingDirectory : Path.GetDirectoryName(Path.GetFullPath(Path.Combine(workingDirectory, output)))!;
        string toRoot = Path.GetRelativePath(reportFolder, root).Replace('\\', '/');
        string rootPrefix = toRoot == "." ? string.Empty : toRoot.TrimEnd('/') + "/";
        return at => Escape(rootPrefix + at.Path);
    }

    /// <summary>A report to a file, or to stdout for "-".</summary>
    private static void WriteReport(string report, string output, string workingDirectory, TextWriter stdout)
    {
        if (output == "-")
        {
            stdout.Write(report);
            return;
        }
        WriteReport(stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(report);
        }, output, workingDirectory);
    }

    private static void WriteReport(Action<Stream> write, string output, string workingDirectory)
    {
        string outputPath = Path.GetFullPath(Path.Combine(workingDirectory, output));
        try
        {
            using var stream = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.Read);
            write(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{output}': {ex.Message}");
        }
    }

    /// <summary>The scan root relative to <c>--source-root</c>, which must contain it.</summary>
    private static string SourceRootPrefix(string sourceRoot, string root, string workingDirectory)
    {
        string full = Path.GetFullPath(Path.Combine(workingDirectory, sourceRoot));
        if (!Directory.Exists(full)) throw new UsageException($"--source-root '{sourceRoot}' is not a folder");
        string relative = Path.GetRelativePath(full, root).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new UsageException($"--source-root '{sourceRoot}' does not contain the scanned folder");
        return relative == "." ? string.Empty : relative.TrimEnd('/') + "/";
    }

    private static string DisplayPrefix(string workingDirectory, string root)
    {
        string relative = Path.GetRelativePath(workingDirectory, root).Replace('\\', '/');
        return relative == "." ? string.Empty : relative.TrimEnd('/') + "/";
    }

    internal static (FirebreakConfig Config, string? Path) LoadConfig(string? explicitPath, string root, string workingDirectory)
    {
        string? path = explicitPath is null
            ? FirebreakConfig.FileNames.Select(n => Path.Combine(root, n)).FirstOrDefault(File.Exists)
            : Path.GetFullPath(Path.Combine(workingDirectory, explicitPath));
        if (path is null) return (FirebreakConfig.Empty, null);
        string text;
        try
        {
            text = BoundedFile.ReadText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FirebreakConfigException($"cannot read the configuration '{explicitPath ?? path}': {ex.Message}");
        }
        return (FirebreakConfig.Parse(Path.GetRelativePath(workingDirectory, path).Replace('\\', '/'), text), path);
    }

    /// <summary>The user's catalogs (paths relative to the config file), merged with the built-in ones.</summary>
    internal static CatalogSet LoadCatalogs(FirebreakConfig config, string? configPath, string workingDirectory)
    {
        if (config.Catalogs.Count == 0 || configPath is null) return CatalogSet.Default;
        string folder = Path.GetDirectoryName(configPath)!;
        string folderReal = FileDiscovery.RealPath(folder);
        var files = new List<(string Name, string Yaml)>();
        foreach (var catalog in config.Catalogs)
        {
            string full = Path.GetFullPath(Path.Combine(folder, catalog));
            string name = Path.GetRelativePath(workingDirectory, full).Replace('\\', '/');
            // A committed configuration is the pull request's to write: it may only name files inside the repository (the
            // folder that holds it), after links are followed, and an error quotes the path, never what a file holds.
            string real = FileDiscovery.RealPath(full);
            if (File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target) real = FileDiscovery.RealPath(target.FullName);
            if (!FileDiscovery.IsUnder(real, folderReal))
                throw new FirebreakConfigException($"catalog '{Program.OneLine(catalog)}' named in the configuration is outside the repository ({Program.OneLine(folder)}); catalogues must live inside it");
            try
            {
                files.Add((name, BoundedFile.ReadText(full)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new FirebreakConfigException($"catalog '{Program.OneLine(catalog)}' named in the configuration cannot be read: {Program.OneLine(ex.Message)}");
            }
        }
        try
        {
            return CatalogSet.WithUserCatalogs(files);
        }
        catch (FormatException ex)
        {
            // The message names the catalogue and the key or section that is wrong; catalogues are inside the repository.
            throw new FirebreakConfigException("catalog " + ex.Message.Replace('\n', ' ').Replace('\r', ' '));
        }
    }

    /// <summary>
    /// The top of the git work tree that holds the working directory and every named file; null outside one (no
    /// context is read: a folder that is no repository may be anything, a home folder included).
    /// </summary>
    private static string? RepositoryContaining(string workingDirectory, IReadOnlyList<string> fullPaths)
    {
        var output = GitReader.Run(workingDirectory, new[] { "rev-parse", "--show-toplevel" });
        if (output is null || output.ExitCode != 0) return null;
        string top = output.Stdout.Trim();
        if (top.Length == 0 || !Directory.Exists(top)) return null;
        string topReal = FileDiscovery.RealPath(top);
        return fullPaths.All(p => FileDiscovery.IsUnder(FileDiscovery.RealPath(p), topReal)) ? Path.GetFullPath(top) : null;
    }

    /// <summary>Above this many bytes of files, a scan keeps texts as UTF-8 between uses (see <see cref="Collect"/>).</summary>
    internal const long CompactTextAbove = 64L * 1024 * 1024;

    private static ScanInput Collect(string root, IReadOnlyList<string> fullPaths, FirebreakConfig config, bool useIgnoreFiles, bool withContext = false)
    {
        long walkClock = ScanTimings.PhaseStart();
        var discovery = new FileDiscovery(root, useIgnoreFiles, config.Exclude);
        var skipped = new List<(string Path, string Reason)>();
        var candidates = new List<FileDiscovery.Candidate>();
        if (withContext)
        {
            // Notes about context files (a link not followed) are not the named files' business.
            foreach (var found in discovery.Discover(new List<(string Path, string Reason)>())) candidates.Add(found);
        }
        foreach (var full in fullPaths)
        {
            if (Directory.Exists(full))
            {
                var folder = full == root ? discovery : new FileDiscovery(full, useIgnoreFiles, config.Exclude);
                // The folder's files relative to the root: the folder's own relative path, then theirs under it.
                string prefix = discovery.Relative(full);
                foreach (var found in folder.Discover(skipped))
                    candidates.Add(prefix == "." ? found : found with { RelativePath = prefix + "/" + found.RelativePath });
            }
            else if (discovery.Explicit(full, skipped) is { } file)
            {
                candidates.Add(file);
            }
        }
        var unique = candidates.GroupBy(c => c.RelativePath, StringComparer.Ordinal).Select(g => g.First()).OrderBy(c => c.RelativePath, StringComparer.Ordinal).ToArray();

        ScanTimings.Phase("discovery: walk", walkClock);
        long loadClock = ScanTimings.PhaseStart();
        // Past 64 MB of files read, texts are kept as UTF-8 between uses: 100,000 files peaked at 1,017 MiB with every
        // text held as UTF-16 and at 809 MiB without; below it, keeping the strings saves decoding each file twice (8 % of
        // a corpus scan). Counted as the files are read (the walk no longer asks each file's size): which files are kept
        // compact changes nothing but memory.
        var compaction = new TextCompaction(CompactTextAbove);
        var loaded = new SourceFile?[unique.Length];
        var loadNotes = new List<(string Path, string Reason)>[unique.Length];
        Parallel.For(0, unique.Length, i =>
        {
            loadNotes[i] = new List<(string, string)>();
            loaded[i] = FileLoader.Load(unique[i].FullPath, unique[i].RelativePath, config.MaxFileSize, loadNotes[i], unique[i].Mode, unique[i].Size, compaction);
        });
        ScanTimings.Phase("discovery: read and decode", loadClock);
        var notes = skipped.Concat(loadNotes.SelectMany(n => n)).Select(n => AnalysisEngine.FileNote(n.Path, n.Reason)).ToList();
        return new ScanInput(root, loaded.Where(f => f is not null).Select(f => f!).ToList(), notes);
    }
}
