using System;
using System.IO;
using System.Linq;

namespace Firebreak.Bench;

/// <summary>
/// Helpers of tools/bench: <c>file-costs CORPUS KIND...</c> (the slowest files, in process) and
/// <c>monorepo CORPUS OUT FILES [SEED]</c> (a deterministic monorepo for the scaling run), <c>repeat TIMES FILE...</c>
/// (the engine over the same files again and again, to profile).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "file-costs") return FileCosts.Run(args[1], args[2..], Console.Out);
        if (args.Length >= 4 && args[0] == "monorepo")
        {
            int seed = args.Length >= 5 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 12;
            var written = Monorepo.Generate(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), seed);
            Console.WriteLine($"{written.Files} files, {written.Bytes} bytes in {args[2]}");
            return 0;
        }
        if (args.Length >= 3 && args[0] == "repeat")
        {
            // For a profiler: the engine over the given files, again and again, one thread.
            var files = args[2..].Select(p => new Firebreak.Core.Documents.SourceFile(p, File.ReadAllText(p))).ToArray();
            var engine = new Firebreak.Core.Analysis.AnalysisEngine(new Firebreak.Core.Documents.AnalysisOptions { MaxDegreeOfParallelism = 1 });
            int findings = 0;
            for (int i = 0; i < int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture); i++) findings += engine.Analyze(files).Findings.Count;
            Console.WriteLine($"{findings} findings");
            return 0;
        }
        Console.Error.WriteLine("usage: file-costs CORPUS KIND... | monorepo CORPUS OUT FILES [SEED] | repeat TIMES FILE...");
        return 2;
    }

    /// <summary>Files under <paramref name="root"/>/<paramref name="kind"/>, sorted by ordinal path, relative to root.</summary>
    internal static string[] List(string root, string kind)
    {
        var files = Directory.GetFiles(Path.Combine(root, kind), "*", SearchOption.AllDirectories);
        for (int i = 0; i < files.Length; i++) files[i] = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }
}
