using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeastPrivilege : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApiKeyDisabledAt",
                table: "Functions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApiKeyDisabledReason",
                table: "Functions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConnectionUseGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConnectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GranteeUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    GrantedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectionUseGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConnectionUseGrants_Connections_ConnectionId",
                        column: x => x.ConnectionId,
                        principalTable: "Connections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionUseGrants_ConnectionId_GranteeUserId",
                table: "ConnectionUseGrants",
                columns: new[] { "ConnectionId", "GranteeUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConnectionUseGrants_GranteeUserId",
                table: "ConnectionUseGrants",
                column: "GranteeUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConnectionUseGrants");

            migrationBuilder.DropColumn(
                name: "ApiKeyDisabledAt",
                table: "Functions");

            migrationBuilder.DropColumn(
                name: "ApiKeyDisabledReason",
                table: "Functions");
        }
    }
}
