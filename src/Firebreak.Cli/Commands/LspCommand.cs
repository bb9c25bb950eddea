using System;
using System.CommandLine;
using Firebreak.Cli.Lsp;

namespace Firebreak.Cli.Commands;

/// <summary><c>firebreak lsp</c>: the language server, over stdio, for VS Code, Neovim, JetBrains and any LSP client.</summary>
public static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var debounce = new Option<int>("--debounce-ms")
        {
            Description = "Wait this long after a keystroke before analysing (a newer keystroke restarts the wait).",
            DefaultValueFactory = _ => 150,
        };
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin/stdout (the default and only transport; accepted because clients pass it)." };
        var command = new Command("lsp", "Run the language server over stdio: diagnostics as you type, suppress and rule-page code actions, hover.");
        command.Options.Add(debounce);
        command.Options.Add(stdio);
        command.SetAction(parse =>
        {
            int ms = parse.GetValue(debounce);
            if (ms < 0 || ms > 10_000) throw new UsageException($"--debounce-ms takes 0 to 10000, not {ms}");
            var (input, output) = context.OpenStdio();
            var server = new LanguageServer(new LspTransport(input, output), TimeSpan.FromMilliseconds(ms));
            return server.Run();
        });
        return command;
    }
}
