import { createRouter, createWebHistory } from 'vue-router'
import { useSession } from './stores/session.js'

const E = ['Enterprise'], O = ['ReviewOrganization'], U = ['ReviewUnit'], R = ['Regulator'], A = ['Administrator']
const everyone = ['Enterprise', 'ReviewOrganization', 'ReviewUnit', 'Regulator', 'Administrator']

/** Each route names the roles that may open it; the menu shows a role only its own routes. */
export const routes = [
  { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignIn.vue'), meta: { public: true } },
  { path: '/forbidden', name: 'forbidden', component: () => import('./pages/Forbidden.vue'), meta: { roles: everyone } },
  { path: '/', name: 'home', component: () => import('./pages/Home.vue'), meta: { roles: everyone } },
  { path: '/enterprise', name: 'enterprise', component: () => import('./pages/enterprise/Overview.vue'), meta: { roles: E, menu: 'overview', icon: 'Medal' } },
  { path: '/enterprise/apply', name: 'apply', component: () => import('./pages/enterprise/Apply.vue'), meta: { roles: E, menu: 'apply', icon: 'EditPen' } },
  { path: '/enterprise/applications', name: 'applications', component: () => import('./pages/enterprise/Applications.vue'), meta: { roles: E, menu: 'applications', icon: 'List' } },
  { path: '/enterprise/self-assessment', name: 'self-assessment', component: () => import('./pages/enterprise/SelfAssessment.vue'), meta: { roles: E, menu: 'selfAssessment', icon: 'Finished' } },
  { path: '/enterprise/documents', name: 'documents', component: () => import('./pages/enterprise/Documents.vue'), meta: { roles: E, menu: 'documents', icon: 'Upload' } },
  { path: '/enterprise/deliveries', name: 'deliveries', component: () => import('./pages/enterprise/Deliveries.vue'), meta: { roles: E, menu: 'deliveries', icon: 'Message' } },
  { path: '/enterprise/contacts', name: 'contacts', component: () => import('./pages/enterprise/Contacts.vue'), meta: { roles: E, menu: 'contacts', icon: 'Phone' } },
  { path: '/review/queue', name: 'queue', component: () => import('./pages/review/Queue.vue'), meta: { roles: O, menu: 'queue', icon: 'Tickets' } },
  { path: '/unit/assignments', name: 'assignments', component: () => import('./pages/review/Assignments.vue'), meta: { roles: U, menu: 'assignments', icon: 'Tickets' } },
  { path: '/regulator/ledger', name: 'ledger', component: () => import('./pages/regulator/Ledger.vue'), meta: { roles: [...R, ...A], menu: 'ledger', icon: 'DataAnalysis' } },
  { path: '/regulator/enterprises', name: 'enterprises', component: () => import('./pages/regulator/Enterprises.vue'), meta: { roles: [...R, ...A], menu: 'enterprises', icon: 'OfficeBuilding' } },
  { path: '/regulator/certificates', name: 'certificates', component: () => import('./pages/regulator/Certificates.vue'), meta: { roles: [...R, ...A], menu: 'certificates', icon: 'Search' } },
  { path: '/regulator/accidents', name: 'accidents', component: () => import('./pages/regulator/Accidents.vue'), meta: { roles: [...R, ...A], menu: 'accidents', icon: 'Warning' } },
  { path: '/regulator/register-import', name: 'register-import', component: () => import('./pages/regulator/RegisterImport.vue'), meta: { roles: [...R, ...A], menu: 'registerImport', icon: 'Upload' } },
  { path: '/regulator/spot-checks', name: 'spot-checks', component: () => import('./pages/regulator/SpotChecks.vue'), meta: { roles: [...R, ...A], menu: 'spotChecks', icon: 'Aim' } },
  { path: '/admin/calendar', name: 'calendar', component: () => import('./pages/admin/Calendar.vue'), meta: { roles: A, menu: 'calendar', icon: 'Calendar' } },
  { path: '/admin/review-bodies', name: 'review-bodies', component: () => import('./pages/admin/ReviewBodies.vue'), meta: { roles: [...A, ...R], menu: 'reviewBodies', icon: 'Stamp' } },
  { path: '/enterprises/:id', name: 'enterprise-detail', component: () => import('./pages/EnterpriseDetail.vue'), meta: { roles: [...R, ...A, ...O] } },
  { path: '/applications/:id', name: 'application', component: () => import('./pages/Application.vue'), meta: { roles: everyone } },
  { path: '/certificates/:id', name: 'certificate', component: () => import('./pages/Certificate.vue'), meta: { roles: everyone } },
  { path: '/workflows/:kind/:id', name: 'workflow', component: () => import('./pages/Workflow.vue'), meta: { roles: everyone } },
  { path: '/:rest(.*)', redirect: '/' },
]

/** The start page of each role: the first menu route it may open. */
export function homeOf(role) {
  return routes.find((r) => r.meta?.menu && r.meta.roles.includes(role))?.path || '/forbidden'
}

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach((to) => {
  const session = useSession()
  if (to.meta.public) return true
  if (!session.signedIn) return { name: 'sign-in', query: to.fullPath !== '/' ? { next: to.fullPath } : {} }
  if (to.name === 'home') return homeOf(session.role)
  if (!to.meta.roles?.includes(session.role)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
})
