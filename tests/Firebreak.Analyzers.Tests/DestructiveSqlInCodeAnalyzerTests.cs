using System.Threading.Tasks;
using Firebreak.Analyzers.Tests.Stubs;
using Firebreak.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Firebreak.Analyzers.Tests;

/// <summary>FB1003 on SQL that C# hands to EF Core, ADO.NET and Dapper, and on EF Core migrations.</summary>
public sealed class DestructiveSqlInCodeAnalyzerTests
{
    private static CSharpAnalyzerTest<DestructiveSqlInCodeAnalyzer, DefaultVerifier> Test(params string[] sources)
    {
        var test = new CSharpAnalyzerTest<DestructiveSqlInCodeAnalyzer, DefaultVerifier> { ReferenceAssemblies = ReferenceAssemblies.Net.Net80 };
        foreach (var source in sources) test.TestState.Sources.Add("#nullable enable\n" + source);
        return test;
    }

    private static DiagnosticResult Warning(int location) => new DiagnosticResult(RuleIds.DestructiveSql, DiagnosticSeverity.Warning).WithLocation(location);

    [Fact]
    public async Task EF_raw_interpolated_and_FromSql_calls_with_destructive_SQL_are_reported_at_the_statement()
    {
        var test = Test(SdkStubs.EntityFramework, """
            using Microsoft.EntityFrameworkCore;
            class Orders { public int Id { get; set; } }
            class Reset
            {
                const string Table = "orders";
                const string Truncate = "TRUNCATE TABLE " + Table;
                void Run(DbContext db, DbSet<Orders> set, string tenant)
                {
                    db.Database.ExecuteSqlRaw("{|#0:DROP TABLE orders|}");
                    db.Database.ExecuteSqlRaw({|#1:Truncate|});
                    db.Database.ExecuteSqlInterpolated({|#2:$"DELETE FROM {tenant}_orders"|});
                    var sql = "UPDATE orders SET total = 0";
                    db.Database.ExecuteSqlRawAsync({|#3:sql|});
                    set.FromSqlRaw("SELECT * FROM orders; {|#4:DROP DATABASE shop|}");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Warning(0).WithMessage("SQL sent through `ExecuteSqlRaw` `DROP TABLE orders` drops the table orders with all its rows. Take a backup just before and keep the statement in a reviewed migration, not in code that can run unattended."));
        test.ExpectedDiagnostics.Add(Warning(1).WithMessage("SQL sent through `ExecuteSqlRaw` `TRUNCATE TABLE orders` deletes every row of orders. Take a backup just before and keep the statement in a reviewed migration, not in code that can run unattended."));
        test.ExpectedDiagnostics.Add(Warning(2).WithMessage("SQL sent through `ExecuteSqlInterpolated` `DELETE FROM ${tenant}_orders` deletes every row of ${tenant}_orders: the DELETE has no WHERE. Add a WHERE clause, or take a backup just before and require a review."));
        test.ExpectedDiagnostics.Add(Warning(3));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIds.DestructiveSql, DiagnosticSeverity.Error).WithLocation(4)
            .WithMessage("SQL sent through `FromSqlRaw` `DROP DATABASE shop` drops the database shop with every table and row in it. Only a backup taken elsewhere brings it back. Take a backup just before and keep the statement in a reviewed migration, not in code that can run unattended."));
        await test.RunAsync();
    }

    [Fact]
    public async Task Bounded_statements_reads_comments_strings_and_unknown_SQL_are_quiet()
    {
        await Test(SdkStubs.EntityFramework, """
            using Microsoft.EntityFrameworkCore;
            class Reset
            {
                void Run(DbContext db, string fromConfig, int id)
                {
                    db.Database.ExecuteSqlRaw("DELETE FROM orders WHERE id = {0}", id);
                    db.Database.ExecuteSqlRaw("-- DROP TABLE orders\nSELECT 1");
                    db.Database.ExecuteSqlRaw("INSERT INTO log VALUES ('DROP TABLE orders')");
                    db.Database.ExecuteSqlRaw(fromConfig);
                    db.Database.ExecuteSql($"UPDATE orders SET total = 0 WHERE id = {id}");
                    var sql = "DROP TABLE orders";
                    sql = "SELECT 1";
                    db.Database.ExecuteSqlRaw(sql);
                }
            }
            """).RunAsync();
    }

    [Fact]
    public async Task ADO_commands_and_Dapper_calls_are_reported()
    {
        var test = Test(SdkStubs.SqlClient, SdkStubs.Dapper, """
            using Dapper;
            using Microsoft.Data.SqlClient;
            class Maintenance
            {
                void Run(SqlConnection connection)
                {
                    using var drop = new SqlCommand("{|#0:DROP TABLE audit|}", connection);
                    var command = connection.CreateCommand();
                    command.CommandText = "{|#1:TRUNCATE audit|}";
                    var inline = new SqlCommand { CommandText = @"{|#2:DELETE FROM sessions|}" };
                    connection.Execute("{|#3:DELETE FROM users|}");
                    connection.Query<int>("SELECT count(*) FROM users");
                    new SqlCommand("DELETE FROM sessions WHERE expires < GETDATE()", connection);
                }
            }
            """);
        for (int i = 0; i < 4; i++) test.ExpectedDiagnostics.Add(Warning(i));
        await test.RunAsync();
    }

    [Fact]
    public async Task Migrations_report_drops_in_Up_and_stay_quiet_in_Down()
    {
        var test = Test(SdkStubs.EntityFramework, """
            using Microsoft.EntityFrameworkCore.Migrations;
            public partial class RemoveLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.{|#0:DropTable|}(name: "LegacyOrders");
                    migrationBuilder.{|#1:DropColumn|}(name: "Notes", table: "Customers");
                    migrationBuilder.Sql("{|#2:DROP TABLE legacy_audit|}");
                    migrationBuilder.Sql("UPDATE customers SET tier = 'gold' WHERE spend > 1000");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "NewOrders");
                    migrationBuilder.Sql("DROP TABLE new_audit");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Warning(0).WithMessage("The migration's Up step drops the table LegacyOrders with all its rows (`DropTable`). Applying it cannot be undone by the Down step; copy the data first or keep it in a reviewed, backed-up release."));
        test.ExpectedDiagnostics.Add(Warning(1).WithMessage("The migration's Up step drops the column Notes of Customers with its data in every row (`DropColumn`). Applying it cannot be undone by the Down step; copy the data first or keep it in a reviewed, backed-up release."));
        test.ExpectedDiagnostics.Add(Warning(2));
        await test.RunAsync();
    }

    [Fact]
    public async Task Test_classes_test_projects_and_look_alike_types_are_quiet()
    {
        await Test(SdkStubs.EntityFramework, SdkStubs.TestFrameworks, """
            using Microsoft.EntityFrameworkCore;
            public class OrdersTests
            {
                [Xunit.Fact] public void Reset() => new DbContext().Database.ExecuteSqlRaw("TRUNCATE orders");
            }
            namespace MyCompany.Data
            {
                public static class Extensions { public static int ExecuteSqlRaw(this DbContext c, string sql) => 0; }
                class Use { void Run(DbContext c) => c.ExecuteSqlRaw("DROP TABLE orders"); }
            }
            """).RunAsync();

        var project = Test(SdkStubs.EntityFramework, """
            using Microsoft.EntityFrameworkCore;
            public class Fixture { public void Reset(DbContext c) => c.Database.ExecuteSqlRaw("TRUNCATE orders"); }
            """);
        project.TestState.AdditionalProjects["xunit.core"].Sources.Add(SdkStubs.TestFrameworks);
        project.TestState.AdditionalProjectReferences.Add("xunit.core");
        await project.RunAsync();
    }
}
