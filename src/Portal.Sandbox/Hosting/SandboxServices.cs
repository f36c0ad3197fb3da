using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Portal.Sandbox.Authorization;
using Portal.Sandbox.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Portal.Sandbox.Hosting;

internal static class SandboxServices
{
    public static IServiceCollection AddSandbox(this IServiceCollection services, SandboxOptions options, string dataDirectory)
    {
        services.AddSingleton(options);
        services.AddSingleton(options.TimeProvider);
        services.AddSingleton(new SandboxAddress { Url = FixedUrl(options.Url) });
        services.AddSingleton<IPasswordHasher<SandboxUser>, PasswordHasher<SandboxUser>>();

        // The demo passwords are printed on the login page; slow hashing would only slow every demo sign-in.
        services.Configure<PasswordHasherOptions>(hasher => hasher.IterationCount = 1_000);
        services.AddScoped<SandboxSeeder>();
        services.AddScoped<Apis.Crm.CrmRecordStore>();
        services.AddScoped<Apis.Crm.CrmAttachmentStore>();
        services.AddDbContext<SandboxDbContext>(db =>
        {
            db.UseSqlite($"Data Source={Path.Combine(dataDirectory, "sandbox.db")}");
            db.UseOpenIddict();
        });

        var keyDirectory = Path.Combine(dataDirectory, "keys");
        services.AddDataProtection()
            .SetApplicationName("Portal.Sandbox")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "data-protection-keys")))
            .ProtectKeysWithCertificate(SandboxKeyStore.LoadOrCreateKeyEncryptionCertificate(keyDirectory, options.TimeProvider));
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = SandboxLogin.AntiforgeryCookieName);
        services.AddAuthentication(SandboxLogin.Scheme).AddCookie(SandboxLogin.Scheme, cookie =>
        {
            cookie.Cookie.Name = SandboxLogin.CookieName;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = Pages.LoginPage.Path;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<SandboxDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(SandboxCatalog.AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(SandboxCatalog.TokenPath.TrimStart('/'))
                    .SetRevocationEndpointUris(SandboxCatalog.RevokePath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow();
                server.RequireProofKeyForCodeExchange();
                server.RegisterScopes([.. SandboxCatalog.AllScopes.Select(scope => scope.Name)]);
                server.SetAccessTokenLifetime(options.AccessTokenLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime);

                // No grace period: a refresh token that was used once is rejected, like strict real providers.
                server.SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                // Reference tokens live in the database, so revocation takes effect at the APIs immediately.
                server.UseReferenceAccessTokens().UseReferenceRefreshTokens();
                server.AddSigningKey(SandboxKeyStore.LoadOrCreateSigningKey(keyDirectory))
                    .AddEncryptionKey(SandboxKeyStore.LoadOrCreateEncryptionKey(keyDirectory));
                server.AddEventHandler(RevokeEntireGrant.Descriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableStatusCodePagesIntegration()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
                validation.EnableAuthorizationEntryValidation();
            });

        // S256 only: "plain" PKCE protects nothing against a stolen code.
        services.AddOptions<OpenIddictServerOptions>().Configure<SandboxAddress>((server, address) =>
        {
            server.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
            server.Issuer ??= address.Url;
        });
        return services;
    }

    private static Uri? FixedUrl(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        return uri.Port == 0 ? null : new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
