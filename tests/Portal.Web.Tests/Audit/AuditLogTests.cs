using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Audit;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Users;

namespace Portal.Web.Tests.Audit;

public abstract class AuditLogCases(PortalWebFactory factory)
{
    // SEC-32
    [Fact]
    public async Task Admin_exports_the_filtered_log_as_csv()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<IUserAdminService>();
            await users.CreateAsync(new AuditActor("admin-id", PortalWebFactory.AdminEmail), "audited@test.local", null, Roles.User, "audited-password");
        }

        using var client = LoginClient.CreateClient(factory);
        await LoginClient.PostLoginAsync(client, PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword);

        var response = await client.GetAsync("/admin/audit/export.csv?action=user.created");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("at_utc,actor,action,target_type,target,details", csv, StringComparison.Ordinal);
        Assert.Contains("audited@test.local as User", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("audited-password", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("user.role_changed", csv, StringComparison.Ordinal);
    }

    // SEC-30
    [Fact]
    public async Task A_user_cannot_export_the_audit_log()
    {
        using var client = LoginClient.CreateClient(factory);
        await LoginClient.PostLoginAsync(client, "bob@portal.local", DemoAccounts.Password);

        var response = await client.GetAsync("/admin/audit/export.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_fields_cannot_start_a_spreadsheet_formula()
    {
        var csv = AuditQuery.ToCsv([new AuditEvent { Action = "x", At = DateTimeOffset.UnixEpoch, Details = "=HYPERLINK(\"http://evil\")" }]);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);
    }
}

/// <summary>The cases above on SQLite (the default provider).</summary>
public sealed class AuditLogTests(PortalWebFactory factory) : AuditLogCases(factory), IClassFixture<PortalWebFactory>;

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class AuditLogOnPostgreSqlTests(PostgresPortalWebFactory factory) : AuditLogCases(factory), IClassFixture<PostgresPortalWebFactory>;
