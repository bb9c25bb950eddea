using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Ops.Migrations;

public partial class RemoveLegacyOrders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "LegacyOrders");
        migrationBuilder.CreateTable(name: "OrderArchive", columns: table => new { Id = table.Column<int>() });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OrderArchive");
    }
}
