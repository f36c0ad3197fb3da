namespace Portal.Sandbox;

/// <summary>Inline SVG logos, so neither the sandbox pages nor the portal need a CDN.</summary>
public static class SandboxLogos
{
    public const string Brand =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" role="img" aria-label="Sandbox Cloud"><rect width="64" height="64" rx="16" fill="#0f766e"/><path d="M8 50c8-7 16-7 24-2s16 5 24-2v10H8z" fill="#f6c667"/><path d="M20 40a9 9 0 0 1 1-18 12 12 0 0 1 23 3 8 8 0 0 1 0 15z" fill="#fff"/></svg>""";

    public const string Sheets =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" role="img" aria-label="Sandbox Sheets"><rect x="6" y="3" width="36" height="42" rx="6" fill="#16a34a"/><rect x="12" y="12" width="24" height="24" rx="2" fill="#fff"/><path d="M12 20h24M12 28h24M22 12v24" stroke="#16a34a" stroke-width="2.5"/></svg>""";

    public const string Mail =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" role="img" aria-label="Sandbox Mail"><rect x="4" y="9" width="40" height="30" rx="6" fill="#ea580c"/><path d="M9 15l15 11 15-11" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>""";

    public const string Weather =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" role="img" aria-label="Sandbox Weather"><rect width="48" height="48" rx="10" fill="#0ea5e9"/><circle cx="19" cy="18" r="8" fill="#fde047"/><path d="M16 37a7 7 0 0 1 1-14 10 10 0 0 1 19 3 6 6 0 0 1 0 11z" fill="#fff"/></svg>""";

    public const string Echo =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" role="img" aria-label="Sandbox Echo"><rect width="48" height="48" rx="10" fill="#7c3aed"/><circle cx="14" cy="24" r="4" fill="#fff"/><path d="M22 15a12 12 0 0 1 0 18M29 10a19 19 0 0 1 0 28M36 6a25 25 0 0 1 0 36" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>""";

    public const string Crm =
        """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" role="img" aria-label="Sandbox CRM"><rect width="48" height="48" rx="10" fill="#dc2626"/><circle cx="18" cy="18" r="6" fill="#fff"/><path d="M7 37a11 11 0 0 1 22 0z" fill="#fff"/><circle cx="33" cy="20" r="4.5" fill="#fecaca"/><path d="M26 37a9 9 0 0 1 16 0z" fill="#fecaca"/></svg>""";
}
