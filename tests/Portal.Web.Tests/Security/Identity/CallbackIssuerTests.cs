using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Connections;
using Portal.Connections.Data;
using Portal.Connections.Management;
using Portal.Connections.OAuth;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security.Identity;

public sealed class CallbackIssuerTests(SandboxPortalWebFactory factory) : IClassFixture<SandboxPortalWebFactory>
{
    // SEC-38 (L6): Sandbox Cloud's metadata says it always sends iss (RFC 9207); an answer without it used to be accepted.
    [Fact]
    public async Task A_callback_without_iss_is_refused_when_the_server_promises_to_send_it()
    {
        var (id, link) = await SheetsConnectionAsync();
        var (start, callback) = await SandboxAuthorizer.ConsentAsync(factory, link, id, "sam@sandbox.test");
        Assert.True(callback.ContainsKey("iss"));

        var completion = await factory.Services.GetRequiredService<IConnectionAuthorizer>().CompleteAsync(
            new OAuthCallback(callback["state"], callback["code"], Issuer: null, null, null), id, start.BrowserBinding);

        Assert.False(completion.Succeeded);
        Assert.Contains("does not name the authorization server (iss)", completion.Message, StringComparison.Ordinal);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Set<ConnectionAuthorizationEntity>().AnyAsync(a => a.UserId == id && a.AccessTokenCiphertext != null));
    }

    [Fact]
    public async Task A_callback_with_the_servers_iss_is_accepted()
    {
        var (id, link) = await SheetsConnectionAsync();
        var (start, callback) = await SandboxAuthorizer.ConsentAsync(factory, link, id, "sam@sandbox.test");

        var completion = await factory.Services.GetRequiredService<IConnectionAuthorizer>().CompleteAsync(
            new OAuthCallback(callback["state"], callback["code"], callback["iss"], null, null), id, start.BrowserBinding);

        Assert.True(completion.Succeeded, completion.Message);
    }

    private async Task<(string Id, string Link)> SheetsConnectionAsync()
    {
        var (_, id) = await PortalAccounts.CreateAsync(factory, Roles.Developer);
        var link = "sheets_" + Guid.NewGuid().ToString("N")[..8];
        var created = await factory.Services.GetRequiredService<IConnectionManager>().CreateAsync(
            new CreateConnectionRequest { Name = link, LinkName = link, ServiceId = "sandbox_sheets" }, new ConnectionsUser(id, IsAdmin: false, IsDeveloper: true));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return (id, link);
    }
}
