using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Firebreak.Cli.Discovery;
using Firebreak.Core.Documents;

namespace Firebreak.Cli.CSharp;

/// <summary>One compilation of the scan: a project read from its <c>.csproj</c>, the folder of a project that could not be read, or a file-based app.</summary>
/// <param name="Name">The assembly name.</param>
/// <param name="Project">The project it compiles with its settings; null for a folder or a file-based app.</param>
/// <param name="Files">The scanned files it compiles, in path order.</param>
/// <param name="References">Earlier units it references (its project references, transitively), in build order.</param>
internal sealed record CompilationUnit(string Name, CSharpProjectFile? Project, IReadOnlyList<DocumentContext> Files, IReadOnlyList<int> References);

/// <summary>A note on a project file: what could not be read, or a reference left out.</summary>
internal sealed record ProjectNote(string Path, (int Line, int Column) At, string Reason, string Fingerprint);

/// <summary>
/// The scan's C# as MSBuild would compile it, from project files read as data (<see cref="CSharpProjectReader"/>): which
/// files each project compiles (the SDK's default of every <c>.cs</c> under its folder but <c>bin/</c>, <c>obj/</c> and
/// nested projects, then its literal <c>Compile</c> items), the order referenced projects build in, and which unit
/// reports each file — exactly one, so a file two projects compile is reported once.
/// </summary>
internal sealed class CSharpProjectGraph
{
    /// <summary>Far more <c>Compile</c> items with wildcards than a real project has; the ones past it are not taken.</summary>
    private const int MaxWildcardItems = 256;

    private CSharpProjectGraph(IReadOnlyList<CompilationUnit> units, IReadOnlyDictionary<string, int> owners, IReadOnlyList<ProjectNote> notes)
    {
        Units = units;
        Owners = owners;
        Notes = notes;
    }

    /// <summary>Units in build order: a project comes after every project it references.</summary>
    public IReadOnlyList<CompilationUnit> Units { get; }

    /// <summary>For each compiled file, the unit whose findings in it are reported.</summary>
    public IReadOnlyDictionary<string, int> Owners { get; }

    public IReadOnlyList<ProjectNote> Notes { get; }

    /// <param name="root">The scan root on disk; null when there is none (each file is then a file-based app).</param>
    /// <param name="scanned">Every file of the scan (project files among them are read from here first).</param>
    /// <param name="sources">The scanned <c>.cs</c> files, in path order.</param>
    public static CSharpProjectGraph Build(string? root, ProjectContext scanned, IReadOnlyList<DocumentContext> sources)
    {
        var notes = new List<ProjectNote>();
        var projects = root is null ? new List<CSharpProjectFile>() : ReadProjects(root, scanned, sources, notes);
        var folders = new HashSet<string>(projects.Select(p => p.Folder), StringComparer.Ordinal);
        var nearest = sources.ToDictionary(d => d.Path, d => NearestProjectFolder(d.Path, folders), StringComparer.Ordinal);

        // What each project compiles.
        var good = projects.Where(p => p.Problem is null).ToList();
        var files = new Dictionary<string, List<DocumentContext>>(StringComparer.Ordinal);
        foreach (var project in projects)
            files[project.Path] = project.Problem is null ? CompileItems(project, sources, nearest) : sources.Where(d => nearest[d.Path] == project.Folder).ToList();

        // Build order: depth first over references, in path order; a reference back to a project being built closes a
        // cycle and is left out, with a note on the project that lists it.
        var byPath = good.ToDictionary(p => p.Path, StringComparer.Ordinal);
        var order = new List<CSharpProjectFile>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path being built; true: built
        var kept = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var path = new List<string>();
        void Visit(CSharpProjectFile project)
        {
            state[project.Path] = false;
            path.Add(project.Path);
            var references = kept[project.Path] = new List<string>();
            foreach (string reference in project.ProjectReferences.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal))
            {
                if (!byPath.TryGetValue(reference, out var target)) continue; // outside the scan, or unreadable: its types stay unresolved
                if (state.TryGetValue(reference, out bool built) && !built)
                {
                    string cycle = string.Join(" → ", path.Skip(path.IndexOf(reference)).Append(reference));
                    notes.Add(new ProjectNote(project.Path, (1, 1),
                        $"its ProjectReference to {reference} closes a cycle ({cycle}); that reference is left out, so types of {reference} may not resolve here",
                        "project-cycle:" + reference));
                    continue;
                }
                if (!state.ContainsKey(reference)) Visit(target);
                references.Add(reference);
            }
            path.RemoveAt(path.Count - 1);
            state[project.Path] = true;
            order.Add(project);
        }
        foreach (var project in good)
            if (!state.ContainsKey(project.Path)) Visit(project);

        var units = new List<CompilationUnit>();
        var unitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var project in order)
        {
            // MSBuild passes a reference's own references on: a type two projects away still binds.
            var closure = new SortedSet<int>();
            foreach (string reference in kept[project.Path])
            {
                int index = unitOf[reference];
                closure.Add(index);
                closure.UnionWith(units[index].References);
            }
            unitOf[project.Path] = units.Count;
            units.Add(new CompilationUnit(AssemblyName(project), project, files[project.Path], closure.ToArray()));
        }
        foreach (var project in projects.Where(p => p.Problem is not null))
        {
            unitOf[project.Path] = units.Count;
            units.Add(new CompilationUnit(AssemblyName(project), null, files[project.Path], Array.Empty<int>()));
        }

        // Each file is reported by one unit: a project of its own folder first, then any project that includes it, in
        // path order; a file under no project is a file-based app of its own (`dotnet run app.cs`), and a file that a
        // project's items leave out is not part of any build.
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var project in projects.OrderBy(p => p.Path, StringComparer.Ordinal))
            foreach (var file in files[project.Path])
                if (nearest[file.Path] == project.Folder) owners.TryAdd(file.Path, unitOf[project.Path]);
        foreach (var project in projects.OrderBy(p => p.Path, StringComparer.Ordinal))
            foreach (var file in files[project.Path])
                owners.TryAdd(file.Path, unitOf[project.Path]);
        foreach (var file in sources)
        {
            if (owners.ContainsKey(file.Path) || nearest[file.Path] is not null) continue;
            owners[file.Path] = units.Count;
            units.Add(new CompilationUnit("firebreak-scan", null, new[] { file }, Array.Empty<int>()));
        }
        return new CSharpProjectGraph(units, owners, notes);
    }

    /// <summary>
    /// The project files that own scanned C#: each folder above a <c>.cs</c> file holding a <c>.csproj</c> (on disk,
    /// inside the root), and every <c>.csproj</c> of the scan. Read from the scan's text when it has it, else from disk.
    /// </summary>
    private static List<CSharpProjectFile> ReadProjects(string root, ProjectContext scanned, IReadOnlyList<DocumentContext> sources, List<ProjectNote> notes)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var document in scanned.Documents)
            if (document.Path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)) paths.Add(document.Path);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            for (string folder = CSharpProjectReader.FolderOf(source.Path); seen.Add(folder); folder = CSharpProjectReader.FolderOf(folder))
            {
                string full = Path.Combine(root, folder);
                if (Directory.Exists(full))
                    foreach (string file in Directory.EnumerateFiles(full, "*.csproj"))
                        paths.Add(folder.Length == 0 ? Path.GetFileName(file) : folder + "/" + Path.GetFileName(file));
                if (folder.Length == 0) break;
            }
        }

        var projects = new List<CSharpProjectFile>();
        foreach (string path in paths)
        {
            string? text = scanned.Find(path)?.Text.Text;
            if (text is null)
            {
                string full = Path.Combine(root, path);
                try
                {
                    // Symlinks are never followed in a scan; a project file found on disk is no exception.
                    if (new FileInfo(full).LinkTarget is not null) continue;
                    text = BoundedFile.ReadText(full, CSharpProjectReader.MaxCharacters);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    var unreadable = new CSharpProjectFile { Path = path, Folder = CSharpProjectReader.FolderOf(path), Problem = "it could not be read: " + Program.OneLine(ex.Message), ProblemAt = (1, 1) };
                    projects.Add(unreadable);
                    notes.Add(ProblemNote(unreadable));
                    continue;
                }
            }
            var project = CSharpProjectReader.Read(path, text);
            if (project.Problem is not null) notes.Add(ProblemNote(project));
            projects.Add(project);
        }
        return projects;
    }

    private static ProjectNote ProblemNote(CSharpProjectFile project) =>
        new(project.Path, project.ProblemAt, project.Problem + "; its .cs files are compiled together as one folder, without the project's settings or references", "project-file");

    /// <summary>The SDK's default items, then the project's literal <c>Compile</c> items in order.</summary>
    private static List<DocumentContext> CompileItems(CSharpProjectFile project, IReadOnlyList<DocumentContext> sources, Dictionary<string, string?> nearest)
    {
        var compiled = new HashSet<string>(StringComparer.Ordinal);
        if (project.EnableDefaultCompileItems)
        {
            string prefix = project.Folder.Length == 0 ? string.Empty : project.Folder + "/";
            foreach (var source in sources)
            {
                if (nearest[source.Path] != project.Folder) continue; // outside its folder, or in a project nested below it
                string relative = source.Path.Substring(prefix.Length);
                if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)) continue;
                compiled.Add(source.Path);
            }
        }
        var scanned = new HashSet<string>(sources.Select(s => s.Path), StringComparer.Ordinal);
        int wildcardItems = 0;
        foreach (var item in project.CompileItems)
        {
            // An old-style project lists every file: those items are looked up, not matched against every file. Wildcard
            // items are matched against every file, so a hostile project's thousands of them are not all taken.
            IEnumerable<string> matched;
            if (item.Globs.All(g => g.LiteralPath is not null)) matched = item.Globs.Select(g => g.LiteralPath!).Where(scanned.Contains);
            else if (++wildcardItems > MaxWildcardItems) continue;
            else matched = sources.Select(s => s.Path).Where(path => item.Globs.Any(g => g.Matches(path)));
            foreach (string path in matched)
            {
                if (item.Remove) compiled.Remove(path);
                else if (!item.Excludes.Any(g => g.Matches(path))) compiled.Add(path);
            }
        }
        return sources.Where(s => compiled.Contains(s.Path)).ToList();
    }

    /// <summary>The folder (scan-relative) of the nearest project above a file; null when none.</summary>
    private static string? NearestProjectFolder(string path, HashSet<string> folders)
    {
        if (folders.Count == 0) return null;
        string folder = CSharpProjectReader.FolderOf(path);
        while (true)
        {
            if (folders.Contains(folder)) return folder;
            if (folder.Length == 0) return null;
            folder = CSharpProjectReader.FolderOf(folder);
        }
    }

    private static string AssemblyName(CSharpProjectFile project)
    {
        if (project.AssemblyName is { } name && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-')) return name;
        string file = project.Path.Substring(project.Folder.Length == 0 ? 0 : project.Folder.Length + 1);
        return file.Substring(0, file.Length - ".csproj".Length);
    }
}
