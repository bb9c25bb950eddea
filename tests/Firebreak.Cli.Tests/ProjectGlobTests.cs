using Firebreak.Cli.CSharp;

namespace Firebreak.Cli.Tests;

/// <summary>MSBuild item globs as <c>firebreak scan</c> reads them from a project file: literal, relative, inside the scan.</summary>
public sealed class ProjectGlobTests
{
    [Theory]
    [InlineData("ops", "Legacy/**", "ops/Legacy/Old.cs", true)]
    [InlineData("ops", "Legacy/**", "ops/Legacy/Deep/Old.cs", true)]
    [InlineData("ops", "Legacy/**", "ops/LegacyOld.cs", false)]
    [InlineData("ops", "**/*.cs", "ops/Program.cs", true)]
    [InlineData("ops", "**/*.cs", "other/Program.cs", false)]
    [InlineData("ops", "Tools\\Re?et.cs", "ops/Tools/Reset.cs", true)]
    [InlineData("ops", "../shared/*.cs", "shared/Reset.cs", true)]
    [InlineData("ops", "../shared/*.cs", "shared/deeper/Reset.cs", false)]
    [InlineData("", "./src/**/*Job*.cs", "src/a/NightlyJobRunner.cs", true)]
    [InlineData("ops", "*.cs", "ops/Program.CS", false)]
    public void A_glob_matches_as_MSBuild_matches_on_Linux(string folder, string pattern, string path, bool matches) =>
        Assert.Equal(matches, ProjectGlob.Create(folder, pattern)!.Matches(path));

    [Theory]
    [InlineData("ops", "../../etc/*.cs")]
    [InlineData("ops", "/etc/**/*.cs")]
    [InlineData("ops", "C:\\src\\*.cs")]
    [InlineData("ops", "$(Legacy)/**")]
    [InlineData("ops", "@(Compile)")]
    [InlineData("ops", "%(Identity)")]
    [InlineData("ops", "**/../x.cs")]
    [InlineData("ops", "*a*a*a*a*a*a*a*a*a.cs")]
    public void A_glob_that_needs_evaluation_or_leaves_the_scan_is_not_taken(string folder, string pattern) =>
        Assert.Null(ProjectGlob.Create(folder, pattern));
}
