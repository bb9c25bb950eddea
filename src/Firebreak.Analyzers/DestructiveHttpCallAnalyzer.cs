using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Firebreak.Analyzers.CSharp;
using Firebreak.Core.Commands.Http;
using Firebreak.Core.Documents;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Firebreak.Analyzers;

/// <summary>
/// FB1002 in C#: an <c>HttpClient</c> request to a catalogued platform API that destroys data — a Railway
/// <c>volumeDelete</c> mutation posted as JSON, a REST <c>DELETE</c> on Fly, Heroku, Render… — read from the call's
/// method, URL and body as the code builds them (literals, <c>const</c> fields, concatenation, interpolation, locals,
/// <c>new Uri</c>, a client's <c>BaseAddress</c>, <c>StringContent</c>, <c>JsonContent.Create</c>, <c>PostAsJsonAsync</c>,
/// anonymous objects and <c>JsonSerializer.Serialize</c> of them) and matched against the same platform API catalogue
/// as curl in a script.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveHttpCallAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = FirebreakDiagnostics.ById[RuleIds.DestructiveApiCall];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private static void Start(CompilationStartAnalysisContext start)
    {
        var compilation = start.Compilation;
        if (compilation.GetTypeByMetadataName("System.Net.Http.HttpClient") is not { } httpClient) return;
        var jsonExtensions = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
        var catalog = PlatformApiCatalog.Default;
        start.RegisterOperationAction(c => Analyze(c, httpClient, jsonExtensions, catalog), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol httpClient, INamedTypeSymbol? jsonExtensions, PlatformApiCatalog catalog)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        string name = CallSites.SyncName(method.Name);
        string? verb = name switch
        {
            "Post" or "PostAsJson" => "POST",
            "Put" or "PutAsJson" => "PUT",
            "Patch" or "PatchAsJson" => "PATCH",
            "Delete" or "DeleteFromJson" => "DELETE",
            "Send" => string.Empty,
            _ => null,
        };
        if (verb is null) return;
        bool onClient = SymbolEqualityComparer.Default.Equals(method.ContainingType, httpClient)
                        || jsonExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, jsonExtensions);
        if (!onClient) return;
        var client = method.IsExtensionMethod ? invocation.Arguments.FirstOrDefault()?.Value : invocation.Instance;

        string? url;
        string? body;
        if (verb.Length == 0)
        {
            if (CallSites.Argument(invocation, "request") is not { } request
                || ValueFolding.Unwrap(request.Value) is not IObjectCreationOperation message) return;
            verb = HttpMethodOf(CallSites.Argument(message, "method")?.Value);
            url = Url(CallSites.Argument(message, "requestUri")?.Value, client);
            var content = message.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Content" });
            body = content is null ? null : Body(content.Value);
        }
        else
        {
            url = Url(CallSites.Argument(invocation, "requestUri")?.Value, client);
            body = method.Name.Contains("AsJson") ? Json(CallSites.Argument(invocation, "value")?.Value, 0)
                : CallSites.Argument(invocation, "content") is { } content ? Body(content.Value) : null;
        }
        if (verb is null || url is null) return;

        foreach (var (operation, field) in catalog.MatchRequest(verb, url, body))
        {
            string call = operation.Mutation != null
                ? $"sends the {operation.Api.Platform} GraphQL mutation `{operation.Mutation}`"
                : $"calls `{operation.Method}` on the {operation.Api.Platform} API ({operation.PathTemplate})";
            var text = new StringBuilder($"`{method.Name}` {call}, which deletes {operation.Destroys}.");
            var severity = DiagnosticSeverity.Warning;
            if (operation.Impact == ApiImpact.Data || operation.BackupsDie)
            {
                severity = DiagnosticSeverity.Error;
                text.Append(operation.BackupsDie ? " Nothing is left on the platform to restore from." : " The data cannot be recovered from the platform.");
            }
            else if (EnvironmentClassifier.WordsOf(url + " " + body).Any(EnvironmentClassifier.IsProduction))
            {
                severity = DiagnosticSeverity.Error;
                text.Append(" The call names a production target.");
            }
            else
            {
                text.Append(operation.Impact == ApiImpact.Compute ? " It can be redeployed, but not undone." : " The setting can be restored by hand.");
            }
            text.Append(" Remove the call from automation or require a manual approval, and give the program a token scoped to the one resource it may delete.");
            context.ReportDiagnostic(Diagnostic.Create(Rule, CallSites.NameLocation(invocation), severity, null, null, text.ToString()));
        }
    }

    /// <summary><c>HttpMethod.Delete</c>, <c>new HttpMethod("DELETE")</c>, <c>HttpMethod.Parse("POST")</c>.</summary>
    private static string? HttpMethodOf(IOperation? value)
    {
        value = ValueFolding.Unwrap(value);
        return value switch
        {
            IPropertyReferenceOperation { Property: { IsStatic: true, ContainingType.Name: "HttpMethod" } property } => property.Name.ToUpperInvariant(),
            IObjectCreationOperation { Type.Name: "HttpMethod", Arguments.Length: 1 } creation => ValueFolding.String(creation.Arguments[0].Value)?.ToUpperInvariant(),
            IInvocationOperation { TargetMethod: { Name: "Parse", ContainingType.Name: "HttpMethod" } } parse => ValueFolding.String(parse.Arguments[0].Value)?.ToUpperInvariant(),
            _ => null,
        };
    }

    /// <summary>The absolute URL: a string, a <c>new Uri(…)</c>, or a relative one against the client's known <c>BaseAddress</c>.</summary>
    private static string? Url(IOperation? value, IOperation? client)
    {
        string? url = UriText(value);
        if (url is null || url.IndexOf("://", StringComparison.Ordinal) >= 0) return url;
        if (BaseAddress(client) is not { } baseAddress) return null;
        return baseAddress.TrimEnd('/') + "/" + url.TrimStart('/');
    }

    private static string? UriText(IOperation? value)
    {
        value = ValueFolding.Unwrap(value);
        if (value is IObjectCreationOperation { Type: { Name: "Uri" } } uri && uri.Arguments.Length >= 1)
        {
            // new Uri(baseUri, "relative")
            if (uri.Arguments.Length >= 2 && uri.Arguments[0].Value.Type?.Name == "Uri")
                return UriText(uri.Arguments[0].Value) is { } b && ValueFolding.String(uri.Arguments[1].Value) is { } r ? b.TrimEnd('/') + "/" + r.TrimStart('/') : null;
            return ValueFolding.String(uri.Arguments[0].Value);
        }
        return value?.Type?.SpecialType == SpecialType.System_String ? ValueFolding.String(value) : null;
    }

    /// <summary><c>new HttpClient { BaseAddress = new Uri(…) }</c> in the local's initializer, or one assignment to it.</summary>
    private static string? BaseAddress(IOperation? client)
    {
        if (client is ILocalReferenceOperation local)
        {
            IOperation top = local;
            while (top.Parent is not null) top = top.Parent;
            var assigned = top.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>()
                .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress", Instance: ILocalReferenceOperation l } && SymbolEqualityComparer.Default.Equals(l.Local, local.Local))
                .ToArray();
            if (assigned.Length == 1) return UriText(assigned[0].Value);
            if (assigned.Length > 1) return null;
        }
        if (ValueFolding.Unwrap(client) is IObjectCreationOperation { Initializer: { } initializer })
        {
            var baseAddress = initializer.Initializers.OfType<ISimpleAssignmentOperation>().FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress" });
            return baseAddress is null ? null : UriText(baseAddress.Value);
        }
        return null;
    }

    /// <summary>The text an <c>HttpContent</c> sends: <c>StringContent</c>'s string, <c>JsonContent.Create</c>'s JSON.</summary>
    private static string? Body(IOperation value)
    {
        var content = ValueFolding.Unwrap(value);
        return content switch
        {
            IObjectCreationOperation { Type.Name: "StringContent" } text when text.Arguments.Length > 0 => SerializedOrString(text.Arguments[0].Value),
            IInvocationOperation { TargetMethod: { Name: "Create", ContainingType.Name: "JsonContent" } } json when json.Arguments.Length > 0 => Json(json.Arguments[0].Value, 0),
            _ => null,
        };
    }

    /// <summary>A string, or <c>JsonSerializer.Serialize(x)</c> / <c>JsonConvert.SerializeObject(x)</c> of a value.</summary>
    private static string? SerializedOrString(IOperation value)
    {
        if (ValueFolding.Unwrap(value) is IInvocationOperation { TargetMethod.Name: "Serialize" or "SerializeObject" } serialize
            && serialize.TargetMethod.ContainingType.Name is "JsonSerializer" or "JsonConvert" && serialize.Arguments.Length > 0)
            return Json(serialize.Arguments[0].Value, 0);
        return ValueFolding.String(value);
    }

    /// <summary>
    /// The JSON a serializer writes for a value the code shows: anonymous and initialized objects (property names
    /// camel-cased, as <c>System.Net.Http.Json</c> writes them), strings, numbers, booleans; anything else is <c>null</c>.
    /// </summary>
    private static string? Json(IOperation? value, int depth)
    {
        if (value is null || depth > 6) return null;
        var unwrapped = ValueFolding.Unwrap(value);
        if (unwrapped is null) return null;
        switch (unwrapped)
        {
            case IAnonymousObjectCreationOperation anonymous:
                return Object(anonymous.Initializers, camelCase: false);
            case IObjectCreationOperation { Initializer: { } initializer } when unwrapped.Type?.SpecialType == SpecialType.None:
                return Object(initializer.Initializers, camelCase: true);
        }
        if (unwrapped.Type?.SpecialType == SpecialType.System_String)
            return ValueFolding.String(unwrapped) is { } s ? Quote(s) : Quote(ValueFolding.Placeholder(unwrapped));
        if (unwrapped.ConstantValue is { HasValue: true, Value: bool b }) return b ? "true" : "false";
        if (unwrapped.ConstantValue is { HasValue: true, Value: IFormattable number }) return number.ToString(null, CultureInfo.InvariantCulture);
        return "null";

        string Object(ImmutableArray<IOperation> initializers, bool camelCase)
        {
            var text = new StringBuilder("{");
            foreach (var member in initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (member.Target is not IPropertyReferenceOperation property) continue;
                string key = property.Property.Name;
                if (camelCase && key.Length > 0) key = char.ToLowerInvariant(key[0]) + key.Substring(1);
                if (text.Length > 1) text.Append(',');
                text.Append(Quote(key)).Append(':').Append(Json(member.Value, depth + 1) ?? "null");
            }
            return text.Append('}').ToString();
        }
    }

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }
}
