// Browser entry: mounts the app shell. In a build, index.html has already asked for the current screen's chunks
// (scripts/screen-preload-plugin.ts).
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('#app is missing from index.html');
mount(App, { target });
