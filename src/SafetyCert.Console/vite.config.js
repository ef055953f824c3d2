import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Vendor code in its own chunks: Vue, Element Plus, ECharts (loaded only by chart pages) and MSAL (only in Azure).
function vendorChunk(id) {
  if (!id.includes('node_modules')) return undefined
  if (id.includes('/echarts/') || id.includes('/zrender/')) return 'vendor-echarts'
  if (id.includes('/@azure/msal')) return 'vendor-msal'
  if (id.includes('/element-plus/') || id.includes('/@element-plus/') || id.includes('/@floating-ui/') || id.includes('/lodash') || id.includes('/dayjs/') || id.includes('/async-validator/') || id.includes('/@popperjs/')) return 'vendor-element'
  return 'vendor'
}

export default defineConfig({
  plugins: [vue()],
  build: {
    chunkSizeWarningLimit: 1100,
    rolldownOptions: { output: { manualChunks: vendorChunk } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:7071', '/dev': 'http://127.0.0.1:7071' },
  },
})
