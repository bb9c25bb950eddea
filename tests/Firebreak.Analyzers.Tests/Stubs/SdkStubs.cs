namespace Firebreak.Analyzers.Tests.Stubs;

/// <summary>
/// Source stubs of the SDKs the C# rules know, with their real namespaces and type names (the real packages are not
/// referenced: the rules match metadata names, so a stub is what the compiler sees of the real thing).
/// </summary>
internal static class SdkStubs
{
    public const string EntityFramework = """
        namespace Microsoft.EntityFrameworkCore.Infrastructure
        {
            public class DatabaseFacade { public virtual bool EnsureDeleted() => true; }
        }
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContext { public Infrastructure.DatabaseFacade Database { get; } = new Infrastructure.DatabaseFacade(); }
            public class DbSet<T> : System.Linq.IQueryable<T> where T : class
            {
                public System.Type ElementType => typeof(T);
                public System.Linq.Expressions.Expression Expression => null!;
                public System.Linq.IQueryProvider Provider => null!;
                public System.Collections.Generic.IEnumerator<T> GetEnumerator() => null!;
                System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;
            }
            public static class RelationalDatabaseFacadeExtensions
            {
                public static int ExecuteSqlRaw(this Infrastructure.DatabaseFacade databaseFacade, string sql, params object[] parameters) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteSqlRawAsync(this Infrastructure.DatabaseFacade databaseFacade, string sql, System.Threading.CancellationToken cancellationToken = default) => null!;
                public static int ExecuteSqlInterpolated(this Infrastructure.DatabaseFacade databaseFacade, System.FormattableString sql) => 0;
                public static int ExecuteSql(this Infrastructure.DatabaseFacade databaseFacade, System.FormattableString sql) => 0;
            }
            public static class RelationalQueryableExtensions
            {
                public static System.Linq.IQueryable<T> FromSqlRaw<T>(this DbSet<T> source, string sql, params object[] parameters) where T : class => source;
            }
        }
        namespace Microsoft.EntityFrameworkCore.Migrations
        {
            public class MigrationBuilder
            {
                public object DropTable(string name, string? schema = null) => null!;
                public object DropColumn(string name, string table, string? schema = null) => null!;
                public object DropSchema(string name) => null!;
                public object Sql(string sql, bool suppressTransaction = false) => null!;
                public object CreateTable(string name) => null!;
            }
            public abstract class Migration
            {
                protected abstract void Up(MigrationBuilder migrationBuilder);
                protected virtual void Down(MigrationBuilder migrationBuilder) { }
            }
        }
        """;

    /// <summary>Microsoft.Data.SqlClient's <c>SqlCommand</c>, a real <c>DbCommand</c>.</summary>
    public const string SqlClient = """
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection : System.Data.Common.DbConnection
            {
                public override string ConnectionString { get; set; } = "";
                public override string Database => "";
                public override string DataSource => "";
                public override string ServerVersion => "";
                public override System.Data.ConnectionState State => System.Data.ConnectionState.Closed;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => null!;
                protected override System.Data.Common.DbCommand CreateDbCommand() => new SqlCommand();
            }
            public sealed class SqlCommand : System.Data.Common.DbCommand
            {
                public SqlCommand() { }
                public SqlCommand(string cmdText) { CommandText = cmdText; }
                public SqlCommand(string cmdText, SqlConnection connection) { CommandText = cmdText; }
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
            }
        }
        """;

    public const string Dapper = """
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static int Execute(this System.Data.IDbConnection cnn, string sql, object? param = null) => 0;
                public static System.Threading.Tasks.Task<int> ExecuteAsync(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
                public static System.Collections.Generic.IEnumerable<T> Query<T>(this System.Data.IDbConnection cnn, string sql, object? param = null) => null!;
            }
        }
        """;

    public const string TestFrameworks = """
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
        """;

    /// <summary>Pulumi .NET: <c>Input&lt;T&gt;</c> with its implicit conversion, and the resource argument types the rules know.</summary>
    public const string Pulumi = """
        namespace Pulumi
        {
            public class Input<T> { public static implicit operator Input<T>(T value) => new Input<T>(); }
            public class ResourceArgs { }
            public class CustomResourceOptions { public bool? Protect { get; set; } public bool? RetainOnDelete { get; set; } }
            public class CustomResource { protected CustomResource(string name, ResourceArgs? args, CustomResourceOptions? options = null) { } }
            public abstract class Stack { }
        }
        namespace Pulumi.Aws.Rds
        {
            public sealed class InstanceArgs : global::Pulumi.ResourceArgs
            {
                public global::Pulumi.Input<string>? Engine { get; set; }
                public global::Pulumi.Input<bool>? SkipFinalSnapshot { get; set; }
                public global::Pulumi.Input<string>? FinalSnapshotIdentifier { get; set; }
                public global::Pulumi.Input<bool>? DeletionProtection { get; set; }
                public global::Pulumi.Input<int>? BackupRetentionPeriod { get; set; }
                public global::Pulumi.Input<bool>? DeleteAutomatedBackups { get; set; }
            }
            public sealed class Instance : global::Pulumi.CustomResource
            {
                public Instance(string name, InstanceArgs args, global::Pulumi.CustomResourceOptions? options = null) : base(name, args, options) { }
            }
        }
        namespace Pulumi.Aws.S3
        {
            public sealed class BucketV2Args : global::Pulumi.ResourceArgs { public global::Pulumi.Input<bool>? ForceDestroy { get; set; } }
            public sealed class BucketV2 : global::Pulumi.CustomResource { public BucketV2(string name, BucketV2Args? args = null) : base(name, args) { } }
        }
        namespace Pulumi.Aws.Iam
        {
            public readonly struct ManagedPolicy
            {
                public static ManagedPolicy AdministratorAccess => default;
                public static implicit operator string(ManagedPolicy policy) => "arn:aws:iam::aws:policy/AdministratorAccess";
                public static implicit operator global::Pulumi.Input<string>(ManagedPolicy policy) => new global::Pulumi.Input<string>();
            }
            public sealed class RolePolicyAttachmentArgs : global::Pulumi.ResourceArgs
            {
                public global::Pulumi.Input<string>? Role { get; set; }
                public global::Pulumi.Input<string>? PolicyArn { get; set; }
            }
            public sealed class RolePolicyAttachment : global::Pulumi.CustomResource { public RolePolicyAttachment(string name, RolePolicyAttachmentArgs args) : base(name, args) { } }
            public sealed class RoleArgs : global::Pulumi.ResourceArgs { public string[]? ManagedPolicyArns { get; set; } }
            public sealed class Role : global::Pulumi.CustomResource { public Role(string name, RoleArgs args, global::Pulumi.CustomResourceOptions? options = null) : base(name, args, options) { } }
        }
        namespace Pulumi.Gcp.Sql.Inputs
        {
            public sealed class DatabaseInstanceSettingsBackupConfigurationArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<bool>? Enabled { get; set; } }
            public sealed class DatabaseInstanceSettingsArgs : global::Pulumi.ResourceArgs { public global::Pulumi.Input<DatabaseInstanceSettingsBackupConfigurationArgs>? BackupConfiguration { get; set; } }
        }
        namespace Pulumi.Gcp.Sql
        {
            public sealed class DatabaseInstanceArgs : global::Pulumi.ResourceArgs
            {
                public global::Pulumi.Input<bool>? DeletionProtection { get; set; }
                public global::Pulumi.Input<Inputs.DatabaseInstanceSettingsArgs>? Settings { get; set; }
            }
            public sealed class DatabaseInstance : global::Pulumi.CustomResource { public DatabaseInstance(string name, DatabaseInstanceArgs args) : base(name, args) { } }
        }
        """;

    /// <summary>AWS CDK .NET (Amazon.CDK.Lib): props classes with nullable properties, <c>RemovalPolicy</c>, <c>Duration</c>.</summary>
    public const string Cdk = """
        namespace Constructs { public class Construct { } }
        namespace Amazon.CDK
        {
            public enum RemovalPolicy { DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE }
            public class Duration { public static Duration Days(double amount) => new Duration(); }
            public class Stack : global::Constructs.Construct { }
            public abstract class Resource : global::Constructs.Construct { public void ApplyRemovalPolicy(RemovalPolicy policy) { } }
            public enum CfnDeletionPolicy { DELETE, RETAIN, SNAPSHOT, RETAIN_EXCEPT_ON_CREATE }
            public interface ICfnResourceOptions { CfnDeletionPolicy? DeletionPolicy { get; set; } CfnDeletionPolicy? UpdateReplacePolicy { get; set; } }
            public abstract class CfnResource : global::Constructs.Construct { public ICfnResourceOptions CfnOptions => null!; }
        }
        namespace Amazon.CDK.AWS.RDS
        {
            public class DatabaseInstanceProps
            {
                public global::Amazon.CDK.RemovalPolicy? RemovalPolicy { get; set; }
                public bool? DeletionProtection { get; set; }
                public bool? DeleteAutomatedBackups { get; set; }
                public global::Amazon.CDK.Duration? BackupRetention { get; set; }
            }
            public class DatabaseInstance : global::Amazon.CDK.Resource { public DatabaseInstance(global::Constructs.Construct scope, string id, DatabaseInstanceProps props) { } }
            public class CfnDBInstance : global::Amazon.CDK.CfnResource { public CfnDBInstance(global::Constructs.Construct scope, string id) { } }
        }
        namespace Amazon.CDK.AWS.S3
        {
            public class BucketProps
            {
                public global::Amazon.CDK.RemovalPolicy? RemovalPolicy { get; set; }
                public bool? AutoDeleteObjects { get; set; }
                public bool? Versioned { get; set; }
            }
            public class Bucket : global::Amazon.CDK.Resource { public Bucket(global::Constructs.Construct scope, string id, BucketProps? props = null) { } }
            public class CfnBucket : global::Amazon.CDK.CfnResource { public CfnBucket(global::Constructs.Construct scope, string id) { } }
        }
        namespace Amazon.CDK.AWS.DynamoDB
        {
            public class TableProps { public global::Amazon.CDK.RemovalPolicy? RemovalPolicy { get; set; } public bool? DeletionProtection { get; set; } }
            public class Table : global::Amazon.CDK.Resource { public Table(global::Constructs.Construct scope, string id, TableProps props) { } }
        }
        namespace Amazon.CDK.AWS.IAM
        {
            public enum Effect { ALLOW, DENY }
            public class PolicyStatementProps { public string[]? Actions { get; set; } public string[]? Resources { get; set; } public Effect? Effect { get; set; } }
            public class PolicyStatement { public PolicyStatement(PolicyStatementProps? props = null) { } }
            public class ManagedPolicy
            {
                public static ManagedPolicy FromAwsManagedPolicyName(string managedPolicyName) => new ManagedPolicy();
                public static ManagedPolicy FromManagedPolicyArn(global::Constructs.Construct scope, string id, string managedPolicyArn) => new ManagedPolicy();
            }
        }
        """;

    /// <summary>AWS SDK for .NET clients: the interface and the client class that implements it.</summary>
    public const string Aws = """
        namespace Amazon.S3.Model
        {
            public class DeleteBucketRequest { public string? BucketName { get; set; } }
            public class DeleteObjectsRequest { public string? BucketName { get; set; } }
        }
        namespace Amazon.S3
        {
            using System.Threading.Tasks;
            public interface IAmazonS3
            {
                Task<object> DeleteBucketAsync(string bucketName, System.Threading.CancellationToken cancellationToken = default);
                Task<object> DeleteObjectsAsync(Model.DeleteObjectsRequest request, System.Threading.CancellationToken cancellationToken = default);
                Task<object> ListBucketsAsync(System.Threading.CancellationToken cancellationToken = default);
            }
            public class AmazonS3Client : IAmazonS3
            {
                public Task<object> DeleteBucketAsync(string bucketName, System.Threading.CancellationToken cancellationToken = default) => null!;
                public Task<object> DeleteObjectsAsync(Model.DeleteObjectsRequest request, System.Threading.CancellationToken cancellationToken = default) => null!;
                public Task<object> ListBucketsAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
            }
        }
        namespace Amazon.RDS.Model
        {
            public class DeleteDBInstanceRequest { public string? DBInstanceIdentifier { get; set; } public bool? SkipFinalSnapshot { get; set; } public string? FinalDBSnapshotIdentifier { get; set; } public bool? DeleteAutomatedBackups { get; set; } }
            public class DeleteDBSnapshotRequest { public string? DBSnapshotIdentifier { get; set; } }
        }
        namespace Amazon.RDS
        {
            public interface IAmazonRDS
            {
                System.Threading.Tasks.Task<object> DeleteDBInstanceAsync(Model.DeleteDBInstanceRequest request, System.Threading.CancellationToken cancellationToken = default);
                System.Threading.Tasks.Task<object> DeleteDBSnapshotAsync(Model.DeleteDBSnapshotRequest request, System.Threading.CancellationToken cancellationToken = default);
            }
        }
        namespace Amazon.SecretsManager.Model { public class DeleteSecretRequest { public string? SecretId { get; set; } public bool? ForceDeleteWithoutRecovery { get; set; } public long? RecoveryWindowInDays { get; set; } } }
        namespace Amazon.SecretsManager
        {
            public interface IAmazonSecretsManager { System.Threading.Tasks.Task<object> DeleteSecretAsync(Model.DeleteSecretRequest request, System.Threading.CancellationToken cancellationToken = default); }
        }
        """;

    public const string Azure = """
        namespace Azure { public enum WaitUntil { Completed, Started } }
        namespace Azure.ResourceManager.Resources
        {
            public class ResourceGroupResource
            {
                public virtual object Delete(global::Azure.WaitUntil waitUntil, string? forceDeletionTypes = null, System.Threading.CancellationToken cancellationToken = default) => null!;
                public virtual System.Threading.Tasks.Task<object> DeleteAsync(global::Azure.WaitUntil waitUntil, string? forceDeletionTypes = null, System.Threading.CancellationToken cancellationToken = default) => null!;
                public virtual object Get(System.Threading.CancellationToken cancellationToken = default) => null!;
            }
        }
        """;

    public const string Kubernetes = """
        namespace k8s
        {
            public interface ICoreV1Operations { }
            public interface IKubernetes { ICoreV1Operations CoreV1 { get; } }
            public static class CoreV1OperationsExtensions
            {
                public static System.Threading.Tasks.Task<object> DeleteNamespaceAsync(this ICoreV1Operations operations, string name, object? body = null, System.Threading.CancellationToken cancellationToken = default) => null!;
                public static System.Threading.Tasks.Task<object> DeleteNamespacedPersistentVolumeClaimAsync(this ICoreV1Operations operations, string name, string namespaceParameter, System.Threading.CancellationToken cancellationToken = default) => null!;
                public static System.Threading.Tasks.Task<object> DeleteNamespacedPodAsync(this ICoreV1Operations operations, string name, string namespaceParameter, System.Threading.CancellationToken cancellationToken = default) => null!;
            }
        }
        """;
}
