using System;
using System.IO;

namespace Firebreak.Cli;

/// <summary>
/// What a command may touch of the process: its streams and its working directory. Tests hand in writers; the real
/// process hands in the console, and says whether stdout is a terminal (colour is for people, never for pipes).
/// </summary>
public sealed record CliContext(TextReader Stdin, TextWriter Stdout, TextWriter Stderr, string WorkingDirectory)
{
    /// <summary>Stdout is an interactive terminal (not a pipe, a file or a test's writer).</summary>
    public bool StdoutIsTerminal { get; init; }

    /// <summary>The <c>NO_COLOR</c> convention (https://no-color.org): set and not empty, no colour anywhere.</summary>
    public bool NoColorRequested { get; init; }

    /// <summary>The raw byte streams behind stdin and stdout, for protocols framed in bytes (the language server).</summary>
    public Func<(Stream Input, Stream Output)> OpenStdio { get; init; } = () => (Console.OpenStandardInput(), Console.OpenStandardOutput());
}
