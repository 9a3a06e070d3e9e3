import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ECharts alone is ~550 kB minified; it sits in its own chunk, loaded only by analytics.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: {
        // React and ECharts in chunks of their own, cached across app releases. antd is left
        // to the automatic split so the portal only downloads the components it uses.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/v1': 'http://127.0.0.1:3000',
    },
  },
})
