/**
 * The admin console: one-time links that sign an organisation's member into it, the organisation's
 * branding (accent colour and logo) it shows, and the pages themselves under {@code /console/}.
 */
package dev.roster.console;
