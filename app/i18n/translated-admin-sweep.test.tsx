import { describe, expect, test } from 'vitest'
import swedish from '#app/i18n/catalogues/sv.json'
import * as dashboard from '#app/routes/_app.dashboard/route'
import * as experimentsList from '#app/routes/_app.experiments._index'
import * as experimentNew from '#app/routes/_app.experiments.new/route'
import * as formBuilder from '#app/routes/_app.forms.$id/route'
import * as formsList from '#app/routes/_app.forms._index'
import * as lead from '#app/routes/_app.leads.$id/route'
import * as leadsHeld from '#app/routes/_app.leads.held'
import * as leadsInbox from '#app/routes/_app.leads._index/route'
import * as pagesList from '#app/routes/_app.pages._index'
import * as settingsGeneral from '#app/routes/_app.settings._index'
import * as settingsAlerts from '#app/routes/_app.settings.alerts'
import * as settingsApiKeys from '#app/routes/_app.settings.api-keys'
import * as settingsEmail from '#app/routes/_app.settings.email'
import * as settingsLeadScoring from '#app/routes/_app.settings.lead-scoring'
import * as settingsMembers from '#app/routes/_app.settings.members'
import * as settingsSecurity from '#app/routes/_app.settings.security'
import * as settingsSpend from '#app/routes/_app.settings.spend'
import * as settingsWebhooks from '#app/routes/_app.settings.webhooks'
import { findAdminEnglish } from '#tests/admin-english-scan'
import { createOwner } from '#tests/factories/accounts'
import { insertConversion, insertForm, insertLead, insertPage } from '#tests/factories/lead-rows'
import { renderRoute } from '#tests/render-route'

// Issue 18: every screen of the admin, for a workspace with a form, a page and a lead, rendered for a Swedish
// browser through the real root, layout and loaders, shows none of the English catalogue's words
// (tests/admin-english-scan.ts). The other translated-*.test.tsx files check what each screen says; this one that
// nothing was left out.

const SWEDISH_BROWSER = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
type Module = Parameters<typeof renderRoute>[0]['module']

describe('every admin screen in Swedish', () => {
  test('shows no English from the catalogue', async () => {
    const owner = await createOwner({ name: 'Stina Svensson' })
    const form = await insertForm({ workspaceId: owner.workspaceId, name: 'Boka demo', conversionType: 'hard' })
    const page = await insertPage({ workspaceId: owner.workspaceId, name: 'Demosida' })
    const aLead = await insertLead({ workspaceId: owner.workspaceId, email: 'kund@example.se', name: 'Karin Kund', hotAt: new Date(), stage: 'opportunity' })
    await insertConversion({ workspaceId: owner.workspaceId, leadId: aLead.id, formId: form.id, pageId: page.id, conversionType: 'hard', device: 'mobile' })
    const screens: [string, string, Module][] = [
      ['/dashboard', 'dashboard', dashboard],
      ['/experiments', 'experiments._index', experimentsList],
      ['/experiments/new', 'experiments.new', experimentNew],
      ['/forms', 'forms._index', formsList],
      [`/forms/${form.id}`, 'forms.$id', formBuilder],
      ['/leads', 'leads._index', leadsInbox],
      [`/leads/${aLead.id}`, 'leads.$id', lead],
      ['/leads/held', 'leads.held', leadsHeld],
      ['/pages', 'pages._index', pagesList],
      ['/settings', 'settings._index', settingsGeneral],
      ['/settings/alerts', 'settings.alerts', settingsAlerts],
      ['/settings/api-keys', 'settings.api-keys', settingsApiKeys],
      ['/settings/email', 'settings.email', settingsEmail],
      ['/settings/lead-scoring', 'settings.lead-scoring', settingsLeadScoring],
      ['/settings/members', 'settings.members', settingsMembers],
      ['/settings/security', 'settings.security', settingsSecurity],
      ['/settings/spend', 'settings.spend', settingsSpend],
      ['/settings/webhooks', 'settings.webhooks', settingsWebhooks],
    ]
    const found: Record<string, string[]> = {}
    for (const [path, name, module] of screens) {
      const pattern = path.slice(1).replace(/[0-9a-f-]{36}/, ':id')
      const { status, html } = await renderRoute({ id: `routes/_app.${name}`, path, pattern, module, cookie: owner.cookie, headers: SWEDISH_BROWSER, layout: 'shown' })
      expect(status, path).toBe(200)
      // The language pickers name each language in itself ("English" is the English language's own name, "English
      // (engelska)" a page language), and the time zones are IANA's names ("America/North_Dakota/Center").
      const scanned = html
        .replace(/<select id="language-picker"[\s\S]*?<\/select>/, '')
        .replace(/English \(engelska\)/g, '')
        .replace(/<select[^>]*name="timezone"[\s\S]*?<\/select>/, '')
      const english = findAdminEnglish(scanned, swedish)
      if (english.length > 0) found[path] = english
    }
    expect(found).toEqual({})
  })
})
