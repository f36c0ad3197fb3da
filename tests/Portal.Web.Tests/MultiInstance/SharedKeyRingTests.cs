using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Infrastructure;

namespace Portal.Web.Tests.MultiInstance;

/// <summary>Three instances on one PostgreSQL share the key ring kept in it (SEC-19): what one protects, the others read.</summary>
public sealed class SharedKeyRingTests
{
    // SEC-19
    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_accepted_by_the_other_two()
    {
        using var instances = new SharedInstances(new Dictionary<string, string>());
        var cookie = await SignInAsync(instances.All[0]);

        foreach (var other in instances.All.Skip(1))
        {
            using var client = other.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
            using var signedIn = new HttpRequestMessage(HttpMethod.Get, "/Account/Manage");
            signedIn.Headers.Add("Cookie", cookie);

            var refused = await client.SendAsync(anonymous);
            var accepted = await client.SendAsync(signedIn);

            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            Assert.Contains(PortalWebFactory.AdminEmail, await accepted.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
    }

    // Signs in on one instance without a cookie jar, so the identity cookie it sets can be carried to another.
    private static async Task<string> SignInAsync(PortalWebFactory instance)
    {
        using var client = instance.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/Account/Login");
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf(';', StringComparison.Ordinal)]));
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.Email"] = PortalWebFactory.AdminEmail,
                ["Input.Password"] = PortalWebFactory.AdminPassword,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var login = await client.SendAsync(post);
        var identity = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        return identity[..identity.IndexOf(';', StringComparison.Ordinal)];
    }

    // SEC-19
    [Fact]
    public void A_secret_protected_by_one_instance_is_read_by_another()
    {
        using var instances = new SharedInstances(new Dictionary<string, string>());
        string[] purposes = ["Portal.Connections.Secrets.v1", "ApiKey", Guid.NewGuid().ToString("N")];
        var stored = instances.All[0].Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Protect("weather-key-123");

        var read = instances.All[1].Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Unprotect(stored);
        var third = instances.All[2].Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purposes).Unprotect(stored);

        Assert.Equal("weather-key-123", read);
        Assert.Equal("weather-key-123", third);
    }
}
