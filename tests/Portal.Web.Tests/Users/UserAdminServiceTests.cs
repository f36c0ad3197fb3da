using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Identity;
using Portal.Web.Tests.Infrastructure;
using Portal.Web.Users;

namespace Portal.Web.Tests.Users;

public abstract class UserAdminServiceCases(PortalWebFactory factory)
{
    [Fact]
    public async Task The_last_admin_cannot_be_demoted_locked_or_deleted()
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<IUserAdminService>();
        var admin = (await service.ListAsync()).Single(u => u.Role == Roles.Admin);
        var someoneElse = new AuditActor("another-admin-id", "other@test.local");

        var demote = await service.SetRoleAsync(someoneElse, admin.Id, Roles.User);
        var lockOut = await service.SetLockedAsync(someoneElse, admin.Id, locked: true);
        var delete = await service.DeleteAsync(someoneElse, admin.Id);

        Assert.Contains("last admin", demote.Error, StringComparison.Ordinal);
        Assert.Contains("last admin", lockOut.Error, StringComparison.Ordinal);
        Assert.Contains("last admin", delete.Error, StringComparison.Ordinal);
        Assert.Equal(Roles.Admin, (await service.ListAsync()).Single(u => u.Id == admin.Id).Role);
    }

    [Fact]
    public async Task Creating_a_user_generates_a_password_that_must_be_changed_and_audits_the_event()
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<IUserAdminService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        var result = await service.CreateAsync(new AuditActor("x", "admin@test.local"), "carol@test.local", "Carol", Roles.User, null);

        Assert.True(result.Succeeded);
        var carol = await users.FindByEmailAsync("carol@test.local");
        Assert.True(await users.CheckPasswordAsync(carol!, result.TemporaryPassword!));
        Assert.True(carol!.MustChangePassword);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.UserCreated && e.TargetId == carol.Id);
        Assert.DoesNotContain(result.TemporaryPassword!, audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_admin_makes_demoting_the_first_possible()
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<IUserAdminService>();
        var actor = new AuditActor("x", "admin@test.local");
        await service.CreateAsync(actor, "second-admin@test.local", null, Roles.Admin, "second-admin-pass");
        var second = (await service.ListAsync()).Single(u => u.Email == "second-admin@test.local");

        var demote = await service.SetRoleAsync(actor, second.Id, Roles.Developer);

        Assert.True(demote.Succeeded, demote.Error);
        Assert.Equal(Roles.Developer, (await service.ListAsync()).Single(u => u.Id == second.Id).Role);
    }

    [Fact]
    public async Task Duplicate_emails_are_refused_with_a_clear_message()
    {
        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<IUserAdminService>();

        var result = await service.CreateAsync(AuditActor.System, PortalWebFactory.AdminEmail, null, Roles.User, null);

        Assert.False(result.Succeeded);
        Assert.Contains("already exists", result.Error, StringComparison.Ordinal);
    }
}

/// <summary>The cases above on SQLite (the default provider).</summary>
public sealed class UserAdminServiceTests(PortalWebFactory factory) : UserAdminServiceCases(factory), IClassFixture<PortalWebFactory>;

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class UserAdminServiceOnPostgreSqlTests(PostgresPortalWebFactory factory) : UserAdminServiceCases(factory), IClassFixture<PostgresPortalWebFactory>;
