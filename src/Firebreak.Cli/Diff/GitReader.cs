using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Firebreak.Cli.Diff;

/// <summary>
/// Runs git as a reader, never as a launcher: a repository under scan is untrusted, and its configuration can name
/// programs git would run (fsmonitor, hooks, external diff drivers, textconv filters, a pager). Every call turns those
/// off on the command line, where a repository's own config cannot override them, and leaves out the system config.
/// </summary>
public static class GitReader
{
    /// <summary>Before the subcommand: the settings that would otherwise start a program.</summary>
    private static readonly string[] SafeConfig =
    {
        "-c", "core.fsmonitor=false",
        "-c", "safe.bareRepository=explicit",
        "-c", "core.hooksPath=/dev/null",
        "-c", "diff.external=",
        "-c", "core.pager=cat",
        "-c", "core.quotePath=false",
        "--no-pager",
    };

    public sealed record Output(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// <c>git -C folder [safe config] args…</c>; null when git cannot be started. Diff subcommands must also pass
    /// <c>--no-ext-diff --no-textconv</c> (they are diff options, not global ones).
    /// </summary>
    public static Output? Run(string folder, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(folder);
        foreach (var arg in SafeConfig) start.ArgumentList.Add(arg);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["PAGER"] = "cat";
        start.Environment.Remove("GIT_EXTERNAL_DIFF");
        start.Environment.Remove("GIT_DIFF_OPTS");
        try
        {
            using var process = Process.Start(start);
            if (process is null) return null;
            process.StandardInput.Close();
            var stderrTask = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Output(process.ExitCode, stdout, stderrTask.Result);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
