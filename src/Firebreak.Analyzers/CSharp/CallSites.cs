using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers.CSharp;

/// <summary>Small facts about a call that several rules ask for.</summary>
internal static class CallSites
{
    /// <summary>The method name of the call (<c>DeleteBucketAsync</c>), the smallest span that says what happens.</summary>
    public static Location NameLocation(IInvocationOperation invocation) => invocation.Syntax switch
    {
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.GetLocation(),
        InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.GetLocation(),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax or GenericNameSyntax } call => call.Expression.GetLocation(),
        _ => invocation.Syntax.GetLocation(),
    };

    /// <summary>The argument bound to the parameter named one of <paramref name="names"/>, in source or metadata order.</summary>
    public static IArgumentOperation? Argument(IInvocationOperation invocation, params string[] names) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter is { } p && names.Contains(p.Name));

    public static IArgumentOperation? Argument(IObjectCreationOperation creation, params string[] names) =>
        creation.Arguments.FirstOrDefault(a => a.Parameter is { } p && names.Contains(p.Name));

    /// <summary>The values passed, a <c>params</c> array's elements one by one.</summary>
    public static IEnumerable<IOperation> ArgumentValues(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
            {
                foreach (var element in elements.ElementValues) yield return element;
            }
            else
            {
                yield return argument.Value;
            }
        }
    }

    /// <summary>The method name without the <c>Async</c> suffix every modern SDK adds.</summary>
    public static string SyncName(string name) => name.EndsWith("Async", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 5) : name;

    /// <summary>The metadata name of a type (<c>Amazon.S3.IAmazonS3</c>), as <c>GetTypeByMetadataName</c> takes it.</summary>
    public static string MetadataName(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        string prefix = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
        return prefix + type.MetadataName;
    }
}
