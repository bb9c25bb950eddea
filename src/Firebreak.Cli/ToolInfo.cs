using System.Reflection;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;

namespace Firebreak.Cli;

internal static class ToolInfo
{
    public const string Name = "Firebreak";
    public static string InformationUri => RuleCatalog.RepositoryUrl;

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
