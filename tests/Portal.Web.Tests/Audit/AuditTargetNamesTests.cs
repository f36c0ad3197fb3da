using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Audit;
using Portal.Web.Data;
using Portal.Web.Functions;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Audit;

/// <summary>Issue 16 item 12: the audit log names functions and users instead of showing "function 2" or a GUID.</summary>
public sealed class AuditTargetNamesTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task Function_numbers_and_user_ids_are_shown_as_api_names_and_emails()
    {
        string bobId;
        using (var scope = factory.Services.CreateScope())
        {
            bobId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("bob@portal.local"))!.Id;
        }

        var function = new FunctionEntity { Name = "Append row", ApiName = "append_row_audit", Code = "return 1;", OwnerUserId = bobId };
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Functions.Add(function);
            await db.SaveChangesAsync();
        }

        var names = await factory.Services.GetRequiredService<AuditTargetNames>().DescribeAsync(
        [
            new AuditEvent { Id = 1, Action = "function.run", TargetType = "function", TargetId = function.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new AuditEvent { Id = 2, Action = "user.locked", TargetType = "user", TargetId = bobId },
            new AuditEvent { Id = 3, Action = "user.deleted", TargetType = "user", TargetId = "gone-id", Details = "carol@portal.local" },
            new AuditEvent { Id = 4, Action = "function.saved", TargetType = "function", TargetId = "append_row" },
        ]);

        Assert.Equal("function append_row_audit", names[1]);
        Assert.Equal("user bob@portal.local", names[2]);
        Assert.Equal("user carol@portal.local (deleted)", names[3]);
        Assert.Equal("function append_row", names[4]);
    }
}
