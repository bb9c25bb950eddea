using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Firebreak.Analyzers.CSharp;

/// <summary>
/// Where code is a test: a project that references a test framework, or a test class or method in any project.
/// A test that drops its throwaway database is doing its job; rules about data loss stay quiet there.
/// </summary>
internal sealed class TestCode
{
    private static readonly ImmutableHashSet<string> TestFrameworkAssemblies = ImmutableHashSet.Create(
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "TUnit.Core");

    private static readonly ImmutableHashSet<string> TestFrameworkNamespaces = ImmutableHashSet.Create(
        "Xunit", "NUnit.Framework", "Microsoft.VisualStudio.TestTools.UnitTesting", "TUnit.Core");

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _testTypes = new(SymbolEqualityComparer.Default);

    public static bool IsTestProject(Compilation compilation) =>
        compilation.ReferencedAssemblyNames.Any(a => TestFrameworkAssemblies.Contains(a.Name));

    /// <summary>
    /// The method, or a type around it, carries an xunit/NUnit/MSTest attribute, or the type has a member that does
    /// (an xunit class is a test class by its <c>[Fact]</c> methods alone).
    /// </summary>
    public bool IsInTest(ISymbol symbol)
    {
        if (HasTestAttribute(symbol)) return true;
        for (var type = symbol as INamedTypeSymbol ?? symbol.ContainingType; type is not null; type = type.ContainingType)
        {
            if (_testTypes.GetOrAdd(type, t => HasTestAttribute(t) || t.GetMembers().Any(HasTestAttribute))) return true;
        }
        return false;
    }

    /// <summary>
    /// Attribute names of the test frameworks, for code compiled without them (loose files in <c>firebreak scan</c>),
    /// where <c>[Fact]</c> does not resolve: only an unresolved attribute is read by its name.
    /// </summary>
    private static readonly ImmutableHashSet<string> UnresolvedTestAttributeNames = ImmutableHashSet.Create(
        "Fact", "FactAttribute", "Theory", "TheoryAttribute", "Test", "TestAttribute", "TestCase", "TestCaseAttribute",
        "TestFixture", "TestFixtureAttribute", "TestMethod", "TestMethodAttribute", "TestClass", "TestClassAttribute",
        "SetUp", "SetUpAttribute", "TearDown", "TearDownAttribute", "OneTimeSetUp", "OneTimeSetUpAttribute");

    private static bool HasTestAttribute(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => a.AttributeClass switch
        {
            IErrorTypeSymbol error => UnresolvedTestAttributeNames.Contains(error.Name),
            { ContainingNamespace: { IsGlobalNamespace: false } ns } => TestFrameworkNamespaces.Contains(ns.ToDisplayString()),
            _ => false,
        });
}
