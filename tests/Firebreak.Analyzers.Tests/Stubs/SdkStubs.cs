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
}
