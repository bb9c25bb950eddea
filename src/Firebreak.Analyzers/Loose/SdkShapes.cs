using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Firebreak.Analyzers.Loose;

/// <summary>
/// For code compiled without its packages (loose <c>.cs</c> files in <c>firebreak scan</c>): source declarations of
/// the SDK types the C# rules know, with their real namespaces and names, added to the compilation only where the
/// type does not resolve. Code binds to them exactly as it would to the real SDK — through its own <c>using</c>
/// directives and names — so the rules fire from names and shapes, and a look-alike type elsewhere still does not
/// bind. Members the rules never read are absent (binding them fails quietly); the members they read take any value
/// (<c>object</c>, <c>params object[]</c>).
/// </summary>
public static class SdkShapes
{
    /// <summary>Where the stub sources claim to live: never a path of the scan.</summary>
    public const string PathPrefix = "<firebreak-sdk-shapes>/";

    /// <summary>The stub sources <paramref name="compilation"/> lacks, one per type.</summary>
    public static IReadOnlyList<(string Path, string Source)> For(Compilation compilation)
    {
        var sources = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, source) in All())
            if (seen.Add(name) && compilation.GetTypeByMetadataName(name) is null) sources.Add((PathPrefix + name + ".cs", source));
        return sources;
    }

    private static IEnumerable<(string MetadataName, string Source)> All()
    {
        foreach (var fixedShape in FixedShapes) yield return fixedShape;
        foreach (var (type, properties) in UnsafeIacSettingAnalyzer.KnownSettings())
        {
            var body = new StringBuilder();
            foreach (var property in properties) body.Append("    public object? ").Append(property).Append(" { get; set; }\n");
            yield return (type, Declare(type, "public class", body.ToString(), suffix: string.Empty));
        }
        foreach (var construct in UnsafeIacSettingAnalyzer.KnownConstructs()
                     .Concat(UnsafeIacSettingAnalyzer.KnownSettings().Select(s => s.Type).Where(t => t.StartsWith("Pulumi.", StringComparison.Ordinal) && t.EndsWith("Args", StringComparison.Ordinal)).Select(t => t.Substring(0, t.Length - 4))))
        {
            string name = Simple(construct);
            yield return (construct, Declare(construct, "public class", $"    public {name}(params object?[] args) {{ }}\n    public void ApplyRemovalPolicy(object? policy) {{ }}\n", suffix: string.Empty));
        }
        foreach (var construct in UnsafeIacSettingAnalyzer.KnownCfnConstructs())
        {
            string name = Simple(construct);
            yield return (construct, Declare(construct, "public class", $"    public {name}(params object?[] args) {{ }}\n    public global::Amazon.CDK.ICfnResourceOptions CfnOptions => null!;\n", suffix: string.Empty));
        }
        foreach (var (type, methods) in DestructiveCloudSdkCallAnalyzer.KnownOperations())
        {
            if (type.StartsWith("k8s.", StringComparison.Ordinal)) continue; // the client's shape is below: Kubernetes.CoreV1.DeleteNamespaceAsync(…)
            string name = Simple(type);
            bool isInterface = name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);
            var members = new StringBuilder();
            foreach (var method in methods)
            {
                string modifier = isInterface ? string.Empty : "public virtual ";
                string body = isInterface ? ";" : " => null!;";
                members.Append("    ").Append(modifier).Append("object? ").Append(method).Append("(params object?[] args)").Append(body).Append('\n');
                members.Append("    ").Append(modifier).Append("System.Threading.Tasks.Task<object?> ").Append(method).Append("Async(params object?[] args)").Append(body).Append('\n');
            }
            if (isInterface)
            {
                yield return (type, Declare(type, "public interface", members.ToString(), suffix: string.Empty));
                // The AWS SDK's client for IAmazonS3 is AmazonS3Client.
                if (type.StartsWith("Amazon.", StringComparison.Ordinal))
                {
                    // Its request types (Amazon.S3.Model.DeleteObjectsRequest), so a call written with one still binds.
                    foreach (var method in methods)
                    {
                        string request = Namespace(type) + ".Model." + method + "Request";
                        yield return (request, Declare(request, "public class", string.Empty, suffix: string.Empty));
                    }
                    string client = Namespace(type) + "." + name.Substring(1) + "Client";
                    string implementation = members.ToString().Replace("    object?", "    public object?").Replace("    System.Threading", "    public System.Threading").Replace(";\n", " => null!;\n");
                    yield return (client, Declare(client, "public class", $"    public {Simple(client)}(params object?[] args) {{ }}\n" + implementation, suffix: " : " + name));
                }
            }
            else
            {
                yield return (type, Declare(type, "public class", $"    public {name}(params object?[] args) {{ }}\n    public static {name} Create(params object?[] args) => new {name}();\n" + members, suffix: string.Empty));
            }
        }
    }

    private static string Declare(string metadataName, string kind, string members, string suffix)
    {
        string name = Simple(metadataName);
        return $"#nullable enable\nnamespace {Namespace(metadataName)}\n{{\n{kind} {name}{suffix}\n{{\n{members}}}\n}}\n";
    }

    private static string Simple(string metadataName) => metadataName.Substring(metadataName.LastIndexOf('.') + 1);

    private static string Namespace(string metadataName) => metadataName.Substring(0, metadataName.LastIndexOf('.'));

    private const string DbCommandMembers = """
            public override string CommandText { get; set; } = "";
            public override int CommandTimeout { get; set; }
            public override System.Data.CommandType CommandType { get; set; }
            public override bool DesignTimeVisible { get; set; }
            public override System.Data.UpdateRowSource UpdatedRowSource { get; set; }
            protected override System.Data.Common.DbConnection? DbConnection { get; set; }
            protected override System.Data.Common.DbParameterCollection DbParameterCollection => null!;
            protected override System.Data.Common.DbTransaction? DbTransaction { get; set; }
            public override void Cancel() { }
            public override int ExecuteNonQuery() => 0;
            public override object? ExecuteScalar() => null;
            public override void Prepare() { }
            protected override System.Data.Common.DbParameter CreateDbParameter() => null!;
            protected override System.Data.Common.DbDataReader ExecuteDbDataReader(System.Data.CommandBehavior behavior) => null!;
        """;

    private const string DbConnectionMembers = """
            public override string ConnectionString { get; set; } = "";
            public override string Database => "";
            public override string DataSource => "";
            public override string ServerVersion => "";
            public override System.Data.ConnectionState State => System.Data.ConnectionState.Closed;
            public override void ChangeDatabase(string databaseName) { }
            public override void Close() { }
            public override void Open() { }
            protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => null!;
            protected override System.Data.Common.DbCommand CreateDbCommand() => null!;
        """;

    private static IEnumerable<(string, string)> AdoProvider(string ns, string prefix) => new[]
    {
        ($"{ns}.{prefix}Command", $"#nullable enable\nnamespace {ns}\n{{\npublic class {prefix}Command : System.Data.Common.DbCommand\n{{\n    public {prefix}Command() {{ }}\n    public {prefix}Command(string? cmdText, params object?[] rest) {{ }}\n{DbCommandMembers}\n}}\n}}\n"),
        ($"{ns}.{prefix}Connection", $"#nullable enable\nnamespace {ns}\n{{\npublic class {prefix}Connection : System.Data.Common.DbConnection\n{{\n    public {prefix}Connection(params object?[] args) {{ }}\n    public new {prefix}Command CreateCommand() => new {prefix}Command();\n{DbConnectionMembers}\n}}\n}}\n"),
    };

    private static readonly (string, string)[] FixedShapes = new (string, string)[]
    {
        ("Amazon.CDK.RemovalPolicy", "namespace Amazon.CDK { public enum RemovalPolicy { DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE } }\n"),
        ("Amazon.CDK.CfnDeletionPolicy", "namespace Amazon.CDK { public enum CfnDeletionPolicy { DELETE, RETAIN, SNAPSHOT, RETAIN_EXCEPT_ON_CREATE } }\n"),
        ("Amazon.CDK.ICfnResourceOptions", "#nullable enable\nnamespace Amazon.CDK { public interface ICfnResourceOptions { CfnDeletionPolicy? DeletionPolicy { get; set; } CfnDeletionPolicy? UpdateReplacePolicy { get; set; } } }\n"),
        ("Amazon.CDK.Duration", "namespace Amazon.CDK { public class Duration { public static Duration Days(double amount) => new Duration(); public static Duration Hours(double amount) => new Duration(); public static Duration Minutes(double amount) => new Duration(); public static Duration Seconds(double amount) => new Duration(); } }\n"),
        ("Amazon.CDK.Stack", "#nullable enable\nnamespace Amazon.CDK { public class Stack { public Stack(params object?[] args) { } } }\n"),
        ("Amazon.CDK.AWS.IAM.Effect", "namespace Amazon.CDK.AWS.IAM { public enum Effect { ALLOW, DENY } }\n"),
        ("Amazon.CDK.AWS.IAM.PolicyStatement", "#nullable enable\nnamespace Amazon.CDK.AWS.IAM { public class PolicyStatement { public PolicyStatement(params object?[] args) { } } }\n"),
        ("Pulumi.Stack", "#nullable enable\nnamespace Pulumi { public class Stack { public Stack(params object?[] args) { } } }\n"),
        ("Amazon.RDS.Model.DeleteDBInstanceRequest", "#nullable enable\nnamespace Amazon.RDS.Model { public class DeleteDBInstanceRequest { public object? DBInstanceIdentifier { get; set; } public bool? SkipFinalSnapshot { get; set; } public object? FinalDBSnapshotIdentifier { get; set; } public bool? DeleteAutomatedBackups { get; set; } } }\n"),
        ("Amazon.RDS.Model.DeleteDBClusterRequest", "#nullable enable\nnamespace Amazon.RDS.Model { public class DeleteDBClusterRequest { public object? DBClusterIdentifier { get; set; } public bool? SkipFinalSnapshot { get; set; } public object? FinalDBSnapshotIdentifier { get; set; } public bool? DeleteAutomatedBackups { get; set; } } }\n"),
        ("Amazon.SecretsManager.Model.DeleteSecretRequest", "#nullable enable\nnamespace Amazon.SecretsManager.Model { public class DeleteSecretRequest { public object? SecretId { get; set; } public bool? ForceDeleteWithoutRecovery { get; set; } public object? RecoveryWindowInDays { get; set; } } }\n"),
        ("k8s.ICoreV1Operations", "#nullable enable\nnamespace k8s { public interface ICoreV1Operations {\n"
            + string.Concat(new[] { "DeleteNamespace", "DeleteNamespacedPersistentVolumeClaim", "DeleteCollectionNamespacedPersistentVolumeClaim", "DeletePersistentVolume", "DeleteCollectionPersistentVolume" }
                .Select(m => $"    System.Threading.Tasks.Task<object?> {m}Async(params object?[] args);\n    object? {m}(params object?[] args);\n"))
            + "} }\n"),
        ("k8s.IKubernetes", "#nullable enable\nnamespace k8s { public interface IKubernetes { ICoreV1Operations CoreV1 { get; } } }\n"),
        ("k8s.Kubernetes", "#nullable enable\nnamespace k8s { public class Kubernetes : IKubernetes { public Kubernetes(params object?[] args) { } public ICoreV1Operations CoreV1 => null!; } }\n"),
        ("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade", "#nullable enable\nnamespace Microsoft.EntityFrameworkCore.Infrastructure { public class DatabaseFacade { public virtual bool EnsureDeleted() => true; public virtual System.Threading.Tasks.Task<bool> EnsureDeletedAsync(System.Threading.CancellationToken cancellationToken = default) => null!; } }\n"),
        ("Microsoft.EntityFrameworkCore.DbContext", "#nullable enable\nnamespace Microsoft.EntityFrameworkCore { public class DbContext { public DbContext(params object?[] args) { } public virtual Infrastructure.DatabaseFacade Database => null!; } }\n"),
        ("Microsoft.EntityFrameworkCore.DbSet`1", "#nullable enable\nnamespace Microsoft.EntityFrameworkCore { public abstract class DbSet<TEntity> : System.Linq.IQueryable<TEntity> where TEntity : class { public System.Type ElementType => typeof(TEntity); public System.Linq.Expressions.Expression Expression => null!; public System.Linq.IQueryProvider Provider => null!; public System.Collections.Generic.IEnumerator<TEntity> GetEnumerator() => null!; System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!; } }\n"),
        ("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions", """
            #nullable enable
            namespace Microsoft.EntityFrameworkCore
            {
                public static class RelationalDatabaseFacadeExtensions
                {
                    public static int ExecuteSqlRaw(this Infrastructure.DatabaseFacade databaseFacade, string sql, params object[] parameters) => 0;
                    public static System.Threading.Tasks.Task<int> ExecuteSqlRawAsync(this Infrastructure.DatabaseFacade databaseFacade, string sql, params object[] parameters) => null!;
                    public static System.Threading.Tasks.Task<int> ExecuteSqlRawAsync(this Infrastructure.DatabaseFacade databaseFacade, string sql, System.Threading.CancellationToken cancellationToken = default) => null!;
                    public static int ExecuteSqlInterpolated(this Infrastructure.DatabaseFacade databaseFacade, System.FormattableString sql) => 0;
                    public static System.Threading.Tasks.Task<int> ExecuteSqlInterpolatedAsync(this Infrastructure.DatabaseFacade databaseFacade, System.FormattableString sql, System.Threading.CancellationToken cancellationToken = default) => null!;
                    public static int ExecuteSql(this Infrastructure.DatabaseFacade databaseFacade, System.FormattableString sql) => 0;
                    public static System.Threading.Tasks.Task<int> ExecuteSqlAsync(this Infrastructure.DatabaseFacade databaseFacade, System.FormattableString sql, System.Threading.CancellationToken cancellationToken = default) => null!;
                }
            }
            """),
        ("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions", """
            #nullable enable
            namespace Microsoft.EntityFrameworkCore
            {
                public static class RelationalQueryableExtensions
                {
                    public static System.Linq.IQueryable<TEntity> FromSqlRaw<TEntity>(this DbSet<TEntity> source, string sql, params object[] parameters) where TEntity : class => source;
                    public static System.Linq.IQueryable<TEntity> FromSqlInterpolated<TEntity>(this DbSet<TEntity> source, System.FormattableString sql) where TEntity : class => source;
                    public static System.Linq.IQueryable<TEntity> FromSql<TEntity>(this DbSet<TEntity> source, System.FormattableString sql) where TEntity : class => source;
                }
            }
            """),
        ("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder", """
            #nullable enable
            namespace Microsoft.EntityFrameworkCore.Migrations
            {
                public class MigrationBuilder
                {
                    public virtual object DropTable(string name, string? schema = null) => null!;
                    public virtual object DropColumn(string name, string table, string? schema = null) => null!;
                    public virtual object DropSchema(string name) => null!;
                    public virtual object Sql(string sql, bool suppressTransaction = false) => null!;
                }
            }
            """),
        ("Microsoft.EntityFrameworkCore.Migrations.Migration", "#nullable enable\nnamespace Microsoft.EntityFrameworkCore.Migrations { public abstract class Migration { protected abstract void Up(MigrationBuilder migrationBuilder); protected virtual void Down(MigrationBuilder migrationBuilder) { } } }\n"),
        ("Dapper.SqlMapper", """
            #nullable enable
            namespace Dapper
            {
                public static class SqlMapper
                {
                    public static int Execute(this System.Data.IDbConnection cnn, string sql, object? param = null, System.Data.IDbTransaction? transaction = null, int? commandTimeout = null, System.Data.CommandType? commandType = null) => 0;
                    public static System.Threading.Tasks.Task<int> ExecuteAsync(this System.Data.IDbConnection cnn, string sql, object? param = null, System.Data.IDbTransaction? transaction = null, int? commandTimeout = null, System.Data.CommandType? commandType = null) => null!;
                    public static object? ExecuteScalar(this System.Data.IDbConnection cnn, string sql, object? param = null, System.Data.IDbTransaction? transaction = null, int? commandTimeout = null, System.Data.CommandType? commandType = null) => null;
                    public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object? param = null, System.Data.IDbTransaction? transaction = null, bool buffered = true, int? commandTimeout = null, System.Data.CommandType? commandType = null) => null!;
                    public static System.Threading.Tasks.Task<System.Collections.Generic.IEnumerable<T>> QueryAsync<T>(this System.Data.IDbConnection cnn, string sql, object? param = null, System.Data.IDbTransaction? transaction = null, int? commandTimeout = null, System.Data.CommandType? commandType = null) => null!;
                }
            }
            """),
    }
    .Concat(AdoProvider("Microsoft.Data.SqlClient", "Sql"))
    .Concat(AdoProvider("System.Data.SqlClient", "Sql"))
    .Concat(AdoProvider("Npgsql", "Npgsql"))
    .Concat(AdoProvider("MySqlConnector", "MySql"))
    .Concat(AdoProvider("MySql.Data.MySqlClient", "MySql"))
    .ToArray();
}
