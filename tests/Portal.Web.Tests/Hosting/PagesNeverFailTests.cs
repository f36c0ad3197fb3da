using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// Every page of the portal, opened by address (a bookmark, an old link, a typo in a name) by each kind of user,
/// answers with a page or a redirect — never a server error. Pages are found by reflection, so a new page is covered
/// the day it is added.
/// </summary>
public abstract class PagesNeverFailCases(PortalWebFactory factory)
{
    private static readonly Dictionary<string, (string Email, string Password)> People = new()
    {
        ["admin"] = (PortalWebFactory.AdminEmail, PortalWebFactory.AdminPassword),
        ["alice (Developer)"] = ("alice@portal.local", "Portal-demo-2026"),
        ["bob (User)"] = ("bob@portal.local", "Portal-demo-2026"),
    };

    public static TheoryData<string> Everyone() => new(["nobody", .. People.Keys]);

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Opening_any_page_by_address_never_fails(string who)
    {
        using var client = LoginClient.CreateClient(factory);
        if (People.TryGetValue(who, out var person))
        {
            var login = await LoginClient.PostLoginAsync(client, person.Email, person.Password);
            Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        }

        var failures = new List<string>();
        foreach (var page in Pages())
        {
            using var response = await client.GetAsync(page);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{page} answered {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
    }

    private static string[] Pages()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Portal.Web.Components", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => Regex.Replace(r.Template, "{[^}]+}", "no_such_thing"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Contains("/functions/no_such_thing", pages);
        Assert.Contains("/Account/LoginWith2fa", pages);
        return pages;
    }
}

/// <summary>The cases above on SQLite (the default provider).</summary>
public sealed class PagesNeverFailTests(PortalWebFactory factory) : PagesNeverFailCases(factory), IClassFixture<PortalWebFactory>;

/// <summary>The cases above on PostgreSQL.</summary>
public sealed class PagesNeverFailOnPostgreSqlTests(PostgresPortalWebFactory factory) : PagesNeverFailCases(factory), IClassFixture<PostgresPortalWebFactory>;
