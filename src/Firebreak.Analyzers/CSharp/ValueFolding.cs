using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers.CSharp;

/// <summary>
/// What a value is, as far as the code says without running it: constants (literals, <c>const</c> fields and their
/// concatenation, which the compiler folds), interpolations and <c>+</c> of known parts, and locals assigned once.
/// A part that cannot be known becomes a placeholder <c>${name}</c>, the way the engine keeps shell parameters, so a
/// host, a SQL verb or a GraphQL mutation around it still reads and an unknown value is never mistaken for a known one.
/// </summary>
internal static class ValueFolding
{
    private const int MaxDepth = 8;

    /// <summary>The string value, placeholders for unknown parts; null when nothing of it is known.</summary>
    public static string? String(IOperation? operation) => String(operation, 0);

    /// <summary>A constant <c>true</c>/<c>false</c> through implicit conversions (<c>bool?</c>, Pulumi's <c>Input&lt;bool&gt;</c>) and locals.</summary>
    public static bool? Bool(IOperation? operation) => Constant(operation, 0) is bool b ? b : null;

    /// <summary>A constant number through conversions and locals.</summary>
    public static double? Number(IOperation? operation) => Constant(operation, 0) switch
    {
        int i => i,
        long l => l,
        double d => d,
        _ => null,
    };

    /// <summary>The enum member or static field a value names (<c>RemovalPolicy.DESTROY</c>), through conversions and locals.</summary>
    public static IFieldSymbol? Field(IOperation? operation)
    {
        operation = Unwrap(operation, 0);
        return operation is IFieldReferenceOperation field ? field.Field : null;
    }

    public static IOperation? Unwrap(IOperation? operation, int depth = 0)
    {
        while (operation is not null && depth++ < MaxDepth)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IConversionOperation { Conversion.IsUserDefined: true } userDefined:
                    operation = userDefined.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case ILocalReferenceOperation local when SingleValue(local) is { } value:
                    operation = value;
                    continue;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    continue;
            }
            break;
        }
        return operation;
    }

    private static object? Constant(IOperation? operation, int depth)
    {
        operation = Unwrap(operation, depth);
        if (operation is null) return null;
        return operation.ConstantValue.HasValue ? operation.ConstantValue.Value : null;
    }

    private static string? String(IOperation? operation, int depth)
    {
        if (depth > MaxDepth) return null;
        operation = Unwrap(operation, depth);
        if (operation is null) return null;
        if (operation.ConstantValue is { HasValue: true, Value: string constant }) return constant;
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
            {
                var text = new StringBuilder();
                bool known = false;
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string literal })
                    {
                        text.Append(literal);
                        known = true;
                    }
                    else if (part is IInterpolationOperation hole)
                    {
                        string? value = hole.Alignment is null && hole.FormatString is null ? String(hole.Expression, depth + 1) : null;
                        if (value is not null) known = true;
                        text.Append(value ?? Placeholder(hole.Expression));
                    }
                }
                return known ? text.ToString() : null;
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
            {
                string? left = String(binary.LeftOperand, depth + 1);
                string? right = String(binary.RightOperand, depth + 1);
                if (left is null && right is null) return null;
                return (left ?? Placeholder(binary.LeftOperand)) + (right ?? Placeholder(binary.RightOperand));
            }
            case IInvocationOperation { TargetMethod: { Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } concat:
            {
                var text = new StringBuilder();
                bool known = false;
                foreach (var argument in concat.Arguments)
                {
                    if (argument.Value is IArrayCreationOperation { Initializer: { } array })
                    {
                        foreach (var element in array.ElementValues) Append(element);
                    }
                    else
                    {
                        Append(argument.Value);
                    }
                }
                return known ? text.ToString() : null;

                void Append(IOperation part)
                {
                    string? value = String(part, depth + 1);
                    if (value is not null) known = true;
                    text.Append(value ?? Placeholder(part));
                }
            }
            default:
                return null;
        }
    }

    /// <summary><c>${name}</c> for an unknown part: the engine's convention for a parameter (a URL with one has no known host).</summary>
    public static string Placeholder(IOperation part)
    {
        var name = new StringBuilder();
        foreach (char c in part.Syntax.ToString())
        {
            if (char.IsLetterOrDigit(c) || c == '_') name.Append(c);
            else if (c == '.') name.Append('_');
            if (name.Length >= 40) break;
        }
        return "${" + (name.Length == 0 ? "value" : name.ToString()) + "}";
    }

    /// <summary>The one value of a local that is initialized once and never assigned again in its body; null otherwise.</summary>
    public static IOperation? SingleValue(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsRef || local.IsConst) return null;
        var root = reference;
        IOperation top = root;
        while (top.Parent is not null) top = top.Parent;
        IOperation? value = null;
        foreach (var descendant in top.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    value = declarator.GetVariableInitializer()?.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation incremented } when SymbolEqualityComparer.Default.Equals(incremented.Local, local):
                    return null;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                    return null;
            }
        }
        return value;
    }

    /// <summary>
    /// The location of <paramref name="span"/> (an offset range in the folded string) when the value is one string
    /// literal whose characters map one to one (no escapes); otherwise the whole expression.
    /// </summary>
    public static Location LocationIn(IOperation value, int start, int length)
    {
        // Conversions only: a value that comes through a local is reported where it is used, not where it was written.
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        var syntax = value.Syntax;
        if (syntax is LiteralExpressionSyntax { Token: var token } && token.IsKind(SyntaxKind.StringLiteralToken))
        {
            string text = token.Text;
            int prefix = text.StartsWith("@\"", System.StringComparison.Ordinal) ? 2 : text.StartsWith("\"", System.StringComparison.Ordinal) ? 1 : -1;
            bool plain = prefix == 1 ? text.IndexOf('\\') < 0 : prefix == 2 && text.IndexOf("\"\"", 2, System.StringComparison.Ordinal) < 0;
            if (plain && start >= 0 && start + length <= token.ValueText.Length)
                return Location.Create(syntax.SyntaxTree, new Microsoft.CodeAnalysis.Text.TextSpan(token.SpanStart + prefix + start, length));
        }
        return syntax.GetLocation();
    }

    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType)) return true;
        return type is not null && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, baseType));
    }
}
