export * from './briefModel.js';
