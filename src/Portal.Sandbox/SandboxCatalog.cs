namespace Portal.Sandbox;

/// <summary>Describes the Sandbox Cloud services so the portal can register them as default services.</summary>
public static class SandboxCatalog
{
    public const string OAuth2 = "oauth2";
    public const string ApiKey = "apikey";

    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string RevokePath = "/connect/revoke";

    public const string SheetsRead = "sheets.read";
    public const string SheetsWrite = "sheets.write";
    public const string MailSend = "mail.send";
    public const string MailRead = "mail.read";
    public const string EchoRead = "echo.read";
    public const string CrmModulesAll = "ZohoCRM.modules.ALL";
    public const string CrmModulesRead = "ZohoCRM.modules.READ";

    public const string SheetsBasePath = "/api/sheets/v1/";
    public const string MailBasePath = "/api/mail/v1/";
    public const string WeatherBasePath = "/api/weather/v1/";
    public const string EchoBasePath = "/api/echo/";
    public const string CrmBasePath = "/crm/v8/";

    /// <summary>How Sandbox CRM expects its tokens, like Zoho CRM; it accepts <c>Bearer</c> too.</summary>
    public const string CrmTokenHeaderFormat = "Zoho-oauthtoken {token}";

    public const string WeatherApiKeyHeader = "X-Weather-Key";
    public const string DefaultWeatherApiKey = "sandbox-weather-demo-key";

    /// <summary>The documented demo OAuth client (home page, README) for custom services: code flow and client credentials.</summary>
    public const string DemoClientId = "sandbox-demo-client";

    public const string DemoClientSecret = "sandbox-demo-secret";

    /// <summary>Password of both demo accounts; shown on the sandbox login page.</summary>
    public const string DemoPassword = "Sandbox!2026";

    public static IReadOnlyList<SandboxDemoAccount> DemoAccounts { get; } =
    [
        new("sam@sandbox.test", DemoPassword, "Sam Rivera", "user-sam"),
        new("riley@sandbox.test", DemoPassword, "Riley Chen", "user-riley"),
    ];

    /// <summary>Always granted with the authorization code flow so clients receive a refresh token.</summary>
    public static SandboxScopeDescriptor OfflineAccess { get; } =
        new("offline_access", "Stay connected and keep access when you are not using it");

    public static IReadOnlyList<SandboxServiceDescriptor> Services { get; } =
    [
        OAuthService(
            "sandbox_sheets",
            "Sandbox Sheets",
            "Spreadsheets of your Sandbox Cloud account: list sheets, read, append, update and delete rows.",
            "Productivity",
            [
                new(SheetsRead, "See your spreadsheets and the rows in them"),
                new(SheetsWrite, "Add, change and delete rows in your spreadsheets"),
            ],
            SheetsBasePath,
            "GET",
            SheetsBasePath + "spreadsheets",
            SandboxLogos.Sheets),
        OAuthService(
            "sandbox_mail",
            "Sandbox Mail",
            "Mailbox of your Sandbox Cloud account: send messages and list the ones you sent and received.",
            "Communication",
            [
                new(MailSend, "Send email messages as you"),
                new(MailRead, "Read the email messages in your mailbox"),
            ],
            MailBasePath,
            "GET",
            MailBasePath + "messages",
            SandboxLogos.Mail),
        new SandboxServiceDescriptor(
            "sandbox_weather",
            "Sandbox Weather",
            "Daily weather forecast for any city, authenticated with an API key sent in a header.",
            "Data",
            ApiKey,
            [],
            [WeatherBasePath],
            "GET",
            WeatherBasePath + "forecast?city=Lisbon",
            SandboxLogos.Weather)
        {
            ApiKeyParameterName = WeatherApiKeyHeader,
            ApiKeyPlacement = "header",
        },
        OAuthService(
            "sandbox_echo",
            "Sandbox Echo",
            "Answers with the request it received (method, path, query, headers with credentials masked, body) and who the token belongs to. Handy for learning invokeUrl.",
            "Developer tools",
            [new(EchoRead, "See your name and email when you call Sandbox Echo")],
            EchoBasePath,
            "POST",
            EchoBasePath + "hello",
            SandboxLogos.Echo),
        OAuthService(
            "sandbox_crm",
            "Sandbox CRM",
            "A Zoho-CRM-compatible CRM with demo Leads, Contacts, Accounts and Deals: list, search, create, update and delete records. Bind the zoho.crm integration tasks to it to try them offline.",
            "CRM",
            [
                new(CrmModulesAll, "Read, create, change and delete CRM records"),
                new(CrmModulesRead, "See CRM records"),
            ],
            CrmBasePath,
            "GET",
            CrmBasePath + "Leads",
            SandboxLogos.Crm) with
        {
            TokenHeaderFormat = CrmTokenHeaderFormat,
        },
    ];

    /// <summary>Every OAuth scope Sandbox Cloud knows, including <c>offline_access</c>.</summary>
    public static IReadOnlyList<SandboxScopeDescriptor> AllScopes { get; } =
        [.. Services.SelectMany(service => service.Scopes), OfflineAccess];

    public static SandboxServiceDescriptor? Find(string linkName) =>
        Services.FirstOrDefault(service => string.Equals(service.LinkName, linkName, StringComparison.OrdinalIgnoreCase));

    private static SandboxServiceDescriptor OAuthService(
        string linkName,
        string displayName,
        string description,
        string category,
        IReadOnlyList<SandboxScopeDescriptor> scopes,
        string basePath,
        string sampleMethod,
        string samplePath,
        string logo) =>
        new(linkName, displayName, description, category, OAuth2, scopes, [basePath], sampleMethod, samplePath, logo)
        {
            AuthorizePath = AuthorizePath,
            TokenPath = TokenPath,
            RevokePath = RevokePath,
        };
}
