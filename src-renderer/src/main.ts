import { mount } from 'svelte'
import { pickBackend } from './backend/pick-backend'
import App from './components/App.svelte'
import './app.css'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

const backend = pickBackend({
  threatwright: window.threatwright,
  // The page URL carries browser mode's secret token in its path; the API is resolved relative to it.
  baseUrl: document.baseURI,
  fetch: (url, init) => window.fetch(url, init)
})

mount(App, { target, props: { backend } })
