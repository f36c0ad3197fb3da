using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Security;

public sealed class DataProtectionKeyRingTests
{
    // SEC-19
    [Fact]
    public async Task Keys_in_the_database_are_encrypted_with_the_certificate()
    {
        await using var factory = new PortalWebFactory();
        _ = factory.Services;

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var keys = await db.DataProtectionKeys.ToListAsync();

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedXml", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
        });
    }

    // SEC-19
    [Fact]
    public async Task Startup_fails_closed_when_the_certificate_protecting_the_key_ring_is_replaced()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new PortalWebFactory { DataDirectory = directory, DeleteDataOnDispose = false })
        {
            _ = first.Services;
        }

        File.Delete(Path.Combine(directory, "keys", "dataprotection.pfx"));
        await using var second = new PortalWebFactory { DataDirectory = directory };

        var error = Assert.Throws<InvalidOperationException>(() => second.Services);

        Assert.Contains("cannot decrypt data written by an earlier start", error.Message, StringComparison.Ordinal);
    }

    // SEC-19
    [Fact]
    public async Task A_restart_with_the_same_certificate_reads_the_existing_key_ring()
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new PortalWebFactory { DataDirectory = directory, DeleteDataOnDispose = false })
        {
            _ = first.Services;
        }

        await using var second = new PortalWebFactory { DataDirectory = directory };

        var exception = Record.Exception(() => second.Services);

        Assert.Null(exception);
    }
}
