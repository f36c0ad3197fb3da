using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Tests.FunctionsApi;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Users;

namespace Portal.Web.Tests.Security.Identity;

public sealed class UserDeletionTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    // SEC-38 (L10): deleting a user used to leave their authorizations, tokens and PATs behind, and their grant alive at the provider.
    [Fact]
    public async Task Deleting_a_user_revokes_their_grant_at_the_provider_then_deletes_their_authorizations_tokens_and_keys()
    {
        var (email, id) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        var link = "sheets_" + Guid.NewGuid().ToString("N")[..8];
        var created = await factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = "sandbox_sheets" }, new ConnectionsUser(id, IsAdmin: false, IsDeveloper: true));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        await SandboxAuthorizer.AuthorizeAsync(factory, link, id, "riley@sandbox.test");
        using var developer = await FunctionsApiClient.ForAsync(factory, email);
        var apiName = await FunctionsApiClient.DeployAsync(developer, "return 1;");
        var key = await FunctionsApiClient.EnableKeyAsync(factory, apiName, email);
        Assert.NotEqual(0, await LiveGrantTokensAtSandboxAsync("user-riley"));

        using (var scope = factory.Services.CreateScope())
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<IUserAdminService>().DeleteAsync(await PortalAccounts.AdminAsync(factory), id);
            Assert.True(deleted.Succeeded, deleted.Error);
        }

        using var byKey = FunctionsApiClient.WithKey(factory, key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await developer.GetAsync("/api/v1/functions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await byKey.PostAsync(FunctionsApiClient.Execute(apiName), null)).StatusCode);
        Assert.Equal(0, await LiveGrantTokensAtSandboxAsync("user-riley"));
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<ConnectionAuthorizationEntity>().AnyAsync(a => a.UserId == id));
        Assert.False(await db.Set<PersonalAccessTokenEntity>().AnyAsync(t => t.UserId == id));
        Assert.False(await db.Functions.AnyAsync(f => f.ApiKeyUserId == id));
        var audit = await factory.Services.GetRequiredService<AuditQuery>().SearchAsync(new AuditFilter(Action: AuditActions.UserDeleted, Target: id));
        Assert.Contains("1 authorization(s) deleted (1 revoked at the provider), 1 personal access token(s) deleted, 1 function API key(s) disabled", Assert.Single(audit).Details, StringComparison.Ordinal);
    }

    /// <summary>Tokens Sandbox Cloud would still accept for this account, read from its own database (it is the provider).</summary>
    private async Task<long> LiveGrantTokensAtSandboxAsync(string subject)
    {
        await using var sandbox = new SqliteConnection($"Data Source={Path.Combine(factory.DataDirectory, "sandbox", "sandbox.db")};Mode=ReadOnly;Pooling=False");
        await sandbox.OpenAsync();
        await using var query = sandbox.CreateCommand();
        query.CommandText = "SELECT COUNT(*) FROM OpenIddictTokens WHERE Subject = $subject AND Status = 'valid'";
        query.Parameters.AddWithValue("$subject", subject);
        return (long)(await query.ExecuteScalarAsync())!;
    }
}
