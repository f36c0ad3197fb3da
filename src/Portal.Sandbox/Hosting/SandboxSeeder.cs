using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Portal.Sandbox.Apis.Crm;
using Portal.Sandbox.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sandbox.Hosting;

/// <summary>Creates the database, the demo accounts with their data, and the configured OAuth clients (idempotent).</summary>
internal sealed class SandboxSeeder(
    SandboxDbContext db,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations,
    IPasswordHasher<SandboxUser> passwordHasher,
    TimeProvider timeProvider)
{
    public async Task SeedAsync(IEnumerable<SandboxClient> clients, CancellationToken ct)
    {
        await db.Database.EnsureCreatedAsync(ct);
        foreach (var account in SandboxCatalog.DemoAccounts)
        {
            await SeedAccountAsync(account, ct);
        }

        await SeedCrmAsync(ct);
        foreach (var client in clients)
        {
            await SeedClientAsync(client, ct);
        }

        // Expired, redeemed and revoked entries pile up with every demo; valid ones are never pruned.
        var threshold = timeProvider.GetUtcNow().AddDays(-1);
        await tokens.PruneAsync(threshold, ct);
        await authorizations.PruneAsync(threshold, ct);
    }

    private async Task SeedAccountAsync(SandboxDemoAccount account, CancellationToken ct)
    {
        if (await db.Users.AnyAsync(u => u.Id == account.UserId, ct))
        {
            return;
        }

        var user = new SandboxUser { Id = account.UserId, Email = account.Email, DisplayName = account.DisplayName, PasswordHash = "" };
        user.PasswordHash = passwordHasher.HashPassword(user, account.Password);
        db.Users.Add(user);
        db.Spreadsheets.Add(SampleSheetFor(account));
        db.MailMessages.Add(new SandboxMailMessage
        {
            OwnerId = account.UserId,
            Folder = SandboxMailMessage.Inbox,
            From = "welcome@sandbox.test",
            To = account.Email,
            Subject = "Welcome to Sandbox Cloud",
            Body = $"Hi {account.DisplayName}, this mailbox belongs to the Sandbox Cloud demo provider.",
            SentAt = timeProvider.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Seeds the demo CRM organisation once; later changes persist like in a real CRM.</summary>
    private async Task SeedCrmAsync(CancellationToken ct)
    {
        await CrmSchemaUpgrade.EnsureCrmTableAsync(db, ct);
        if (await db.CrmRecords.AnyAsync(ct))
        {
            return;
        }

        var users = await db.Users.OrderBy(u => u.Email).ToListAsync(ct);
        db.CrmRecords.AddRange(CrmSeedData.Records(users));
        var attachment = CrmSeedData.Attachment(users);
        if (!await db.CrmAttachments.AnyAsync(a => a.Id == attachment.Id, ct))
        {
            db.CrmAttachments.Add(attachment);
        }

        await db.SaveChangesAsync(ct);
    }

    private static Spreadsheet SampleSheetFor(SandboxDemoAccount account) => account.Email.StartsWith("sam", StringComparison.Ordinal)
        ? new Spreadsheet
        {
            OwnerId = account.UserId,
            Title = "Sam's Budget 2026",
            Columns = ["Month", "Category", "Amount"],
            Rows =
            [
                new() { Values = new() { ["Month"] = "January", ["Category"] = "Rent", ["Amount"] = "1200" } },
                new() { Values = new() { ["Month"] = "January", ["Category"] = "Groceries", ["Amount"] = "310" } },
                new() { Values = new() { ["Month"] = "February", ["Category"] = "Rent", ["Amount"] = "1200" } },
            ],
        }
        : new Spreadsheet
        {
            OwnerId = account.UserId,
            Title = "Riley's Reading List",
            Columns = ["Title", "Author", "Status"],
            Rows =
            [
                new() { Values = new() { ["Title"] = "Dune", ["Author"] = "Frank Herbert", ["Status"] = "Read" } },
                new() { Values = new() { ["Title"] = "The Left Hand of Darkness", ["Author"] = "Ursula K. Le Guin", ["Status"] = "Reading" } },
            ],
        };

    private async Task SeedClientAsync(SandboxClient client, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = client.ClientSecret is null ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = string.IsNullOrWhiteSpace(client.DisplayName) ? client.ClientId : client.DisplayName,
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
        ]);
        if (client.AllowClientCredentials && client.ClientSecret is not null)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        descriptor.Permissions.UnionWith(SandboxCatalog.AllScopes.Select(scope => Permissions.Prefixes.Scope + scope.Name));
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);

        var existing = await applications.FindByClientIdAsync(client.ClientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }
}
