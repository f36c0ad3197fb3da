namespace Portal.Sandbox.Pages;

/// <summary>Inline stylesheet (no CDN): warm sand and deep teal, deliberately unlike the portal's purple.</summary>
internal static class SandboxStyles
{
    public const string Css =
        """
        *{box-sizing:border-box}
        body{margin:0;min-height:100vh;font-family:"Trebuchet MS","Segoe UI",system-ui,sans-serif;color:#1f2937;
          background:linear-gradient(160deg,#0f766e 0%,#115e59 45%,#f6c667 45.2%,#fde68a 100%)}
        .topbar{display:flex;align-items:center;justify-content:space-between;padding:14px 28px;color:#fff}
        .brand{display:flex;align-items:center;gap:12px}.brand svg{width:40px;height:40px}
        .brand-name{font-size:1.35rem;letter-spacing:.02em}
        .tag{font-size:.8rem;background:rgba(255,255,255,.16);border:1px solid rgba(255,255,255,.35);padding:4px 10px;border-radius:999px}
        main{display:flex;flex-direction:column;align-items:center;padding:24px 16px 48px}
        .card{width:100%;max-width:460px;background:#fffdf7;border-radius:18px;padding:32px 32px 28px;
          box-shadow:0 20px 50px rgba(15,118,110,.35);border-top:6px solid #f59e0b}
        h1{margin:0 0 12px;font-size:1.35rem;line-height:1.3;color:#134e4a}
        .lead{margin:0 0 20px;color:#475569}
        label{display:block;font-weight:600;margin:14px 0 6px;color:#134e4a}
        input[type=email],input[type=password]{width:100%;padding:12px 14px;font-size:1rem;border:2px solid #cbd5e1;border-radius:10px;background:#fff}
        input:focus{outline:none;border-color:#0f766e;box-shadow:0 0 0 3px rgba(15,118,110,.2)}
        .btn{display:inline-block;border:0;border-radius:12px;padding:14px 22px;font-size:1.05rem;font-weight:700;cursor:pointer;text-align:center}
        .btn-primary{background:#0f766e;color:#fff}.btn-primary:hover{background:#115e59}
        .btn-secondary{background:#fff;color:#9a3412;border:2px solid #fdba74}.btn-secondary:hover{background:#fff7ed}
        .full{width:100%;margin-top:22px}
        .actions{display:flex;gap:12px;margin-top:24px}.actions .btn{flex:1}
        .error{background:#fef2f2;border:1px solid #fecaca;color:#991b1b;padding:12px 14px;border-radius:10px;margin:0 0 12px}
        .hint{margin-top:22px;background:#fef3c7;border:1px dashed #f59e0b;border-radius:12px;padding:12px 14px;font-size:.9rem}
        .hint code{background:#fff;padding:1px 6px;border-radius:6px}
        .hint ul{margin:6px 0 0;padding-left:18px}
        .who{display:flex;align-items:center;gap:10px;background:#f0fdfa;border:1px solid #99f6e4;border-radius:12px;padding:10px 12px;margin-bottom:18px;font-size:.95rem}
        .avatar{width:36px;height:36px;border-radius:50%;background:#f59e0b;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
        .who a{margin-left:auto;color:#0f766e;font-size:.82rem;white-space:nowrap}
        .scopes{list-style:none;margin:8px 0 0;padding:0}
        .scopes li{display:flex;align-items:center;gap:12px;padding:10px 0;border-bottom:1px solid #f1f5f9}
        .scopes svg{width:32px;height:32px;flex:none}
        .scopes small{display:block;color:#64748b;font-family:ui-monospace,monospace}
        .muted{color:#64748b;font-size:.88rem}
        h2{font-size:1.05rem;margin:24px 0 8px}
        .demo dt{font-weight:600;margin-top:12px}
        .demo dd{margin:4px 0 0;word-break:break-word}
        .demo small{display:block;color:#64748b;margin-top:2px}
        .demo code{background:#f1f5f9;padding:1px 6px;border-radius:6px}
        .client{color:#0f766e}
        @media (max-width:540px){.card{padding:24px 20px}.topbar{padding:12px 16px}.tag{display:none}.who{flex-wrap:wrap}}
        .footnote{max-width:460px;text-align:center;color:#713f12;font-size:.82rem;margin-top:18px}
        """;
}
