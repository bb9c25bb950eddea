using System;
using System.Collections.Generic;
using Firebreak.Core.Documents;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Text;

namespace Firebreak.Core.Commands;

/// <summary>SQL a command hands to a database client, mapped back to the file.</summary>
public sealed class SqlClientInput
{
    private SqlClientInput(ShellCommand command, EmbeddedText text, string via)
    {
        Command = command;
        Text = text;
        Via = via;
    }

    public ShellCommand Command { get; }
    public EmbeddedText Text { get; }

    /// <summary>How it gets there, for messages: <c>psql -c</c>, <c>a heredoc to psql</c>.</summary>
    public string Via { get; }

    private static readonly Dictionary<string, (string[] SqlOptions, string[] ValueOptions)> Clients = new(StringComparer.Ordinal)
    {
        ["psql"] = (new[] { "-c", "--command" }, new[] { "-d", "--dbname", "-h", "--host", "-p", "--port", "-U", "--username", "-f", "--file", "-v", "--set", "--variable", "-o", "--output", "-P", "--pset", "-L", "--log-file", "-F", "-R" }),
        ["mysql"] = (new[] { "-e", "--execute" }, new[] { "-u", "--user", "-h", "--host", "-P", "--port", "-D", "--database", "-S", "--socket", "--defaults-file", "--defaults-extra-file", "--login-path" }),
        ["mariadb"] = (new[] { "-e", "--execute" }, new[] { "-u", "--user", "-h", "--host", "-P", "--port", "-D", "--database", "-S", "--socket", "--defaults-file", "--login-path" }),
        ["sqlcmd"] = (new[] { "-Q", "-q", "--query" }, new[] { "-S", "--server", "-U", "-P", "-d", "--database-name", "-i", "-o", "-v", "-t", "-l", "-W", "-s", "-h", "-G" }),
        ["clickhouse-client"] = (new[] { "-q", "--query" }, new[] { "-h", "--host", "--port", "-u", "--user", "--password", "-d", "--database" }),
        ["duckdb"] = (new[] { "-c" }, Array.Empty<string>()),
        ["cockroach"] = (new[] { "-e", "--execute" }, new[] { "--url", "--host", "--database", "-d", "--user", "-u", "--certs-dir" }),
        ["sqlite3"] = (Array.Empty<string>(), new[] { "-cmd", "-separator", "-nullvalue" }),
    };

    private static readonly string[] HostOptions = { "-h", "--host", "-S", "--server", "--url" };

    /// <summary>
    /// True when the client connects to this machine: no host option, or <c>localhost</c>/<c>127.0.0.1</c>/<c>::1</c>
    /// (a unix socket). psql's <c>-d postgres://…</c> and an unknown (variable) host count as remote.
    /// </summary>
    public bool IsLocal
    {
        get
        {
            if (Command.Name is not { } name || !Clients.TryGetValue(name, out var client)) return false;
            var options = new List<string>(client.SqlOptions);
            options.AddRange(client.ValueOptions);
            var args = Command.ParseArguments(CommandOptionSyntax.WithValues(options.ToArray()));
            foreach (var option in args.Options)
            {
                if (name == "psql" && option.Name is "-d" or "--dbname" && option.Value is { } url && url.Contains("://")) return false;
                if (Array.IndexOf(HostOptions, option.Name) < 0 || name == "mysql" && option.Name == "-S" || name == "mariadb" && option.Name == "-S") continue;
                if (option.Value is not ("localhost" or "127.0.0.1" or "::1" or "/var/run/postgresql" or "/tmp")) return false;
            }
            return true;
        }
    }

    /// <summary>True for programs that take SQL (the cheap test).</summary>
    public static bool IsClient(string? name) => name != null && Clients.ContainsKey(name);

    /// <summary>The SQL texts the command runs: from its options, its positional SQL (sqlite3), or its standard input.</summary>
    public static IReadOnlyList<SqlClientInput> Of(ShellCommand command)
    {
        if (command.Name is not { } name || !Clients.TryGetValue(name, out var client)) return Array.Empty<SqlClientInput>();
        if (name == "cockroach" && !command.ParsedArguments.HasSubcommand("sql")) return Array.Empty<SqlClientInput>();
        var options = new List<string>(client.SqlOptions);
        options.AddRange(client.ValueOptions);
        var args = command.ParseArguments(CommandOptionSyntax.WithValues(options.ToArray()));
        var inputs = new List<SqlClientInput>();
        bool readsFile = false;
        foreach (var option in args.Options)
        {
            if (Array.IndexOf(client.SqlOptions, option.Name) >= 0 && (option.ValueWord != null || option.ValueSpan != null))
            {
                var text = option.ValueWord != null ? WordTemplate.Of(option.ValueWord) : WordTemplate.Of(option.Word, option.Word.LiteralPrefix.IndexOf('=') + 1);
                inputs.Add(new SqlClientInput(command, text, $"`{name} {option.Name}`"));
            }
            if (option.Name is "-f" or "--file" or "-i") readsFile = true;
        }
        if (name == "sqlite3")
        {
            var positionals = args.Positionals;
            if (positionals.Count >= 2) inputs.Add(new SqlClientInput(command, WordTemplate.Of(positionals[1]), "`sqlite3`"));
        }
        if (inputs.Count == 0 && !readsFile && command.Input?.Embedded is { } stdin)
        {
            string via = command.Input.Kind switch
            {
                CommandInputKind.Heredoc => $"a heredoc to `{name}`",
                CommandInputKind.HereString => $"a here-string to `{name}`",
                _ => $"`echo … | {name}`",
            };
            inputs.Add(new SqlClientInput(command, stdin, via));
        }
        return inputs;
    }
}
